import Foundation
import TidingsModel
import TidingsParse

// Parses the given files REPS times in one process, the way xmlbench.c in
// ../shared/bench does for raw libxml2: files are read into memory first and
// only parsing is timed (monotonic clock). The parsed models of a run are kept
// until the run's clock has stopped, so freeing them is not counted (xmlbench
// builds nothing to free). Prints one line:
//   tidings FILES BYTES ENTRIES FAILURES BEST_S MEDIAN_S MEDIAN_MBPS BEST_MBPS MAXRSS_MB
let paths = Array(CommandLine.arguments.dropFirst())
guard !paths.isEmpty else {
    FileHandle.standardError.write(Data("usage: REPS=N ParseBench FILE...\n".utf8))
    exit(2)
}
let reps = max(1, Int(ProcessInfo.processInfo.environment["REPS"] ?? "5") ?? 5)
/// The file's bytes, read straight into the array (no `Data` in between, so
/// the peak memory reported is the input plus what parsing adds).
func load(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        FileHandle.standardError.write(Data("ParseBench: cannot read \(path)\n".utf8))
        exit(1)
    }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let size = ftell(file)
    fseek(file, 0, SEEK_SET)
    return [UInt8](unsafeUninitializedCapacity: max(size, 0)) { buffer, count in
        count = fread(buffer.baseAddress, 1, buffer.count, file)
    }
}
let documents = paths.map(load)
let total = documents.reduce(0) { $0 + $1.count }

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var times: [Double] = []
var entries = 0, failures = 0
var kept: [ParsedFeed] = []
kept.reserveCapacity(documents.count)
for _ in 0..<reps {
    kept.removeAll(keepingCapacity: true)
    entries = 0
    failures = 0
    let start = now()
    for document in documents {
        do {
            let feed = try FeedParser.parse(document, documentURL: "http://127.0.0.1/feed.xml", contentType: nil)
            entries += feed.entries.count
            kept.append(feed)
        } catch {
            failures += 1
        }
    }
    times.append(now() - start)
}
times.sort()
let median = times[times.count / 2], best = times[0]
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print(String(format: "tidings %d %d %d %d %.4f %.4f %.1f %.1f %.1f",
             documents.count, total, entries, failures, best, median,
             Double(total) / median / 1e6, Double(total) / best / 1e6, Double(usage.ru_maxrss) / 1024))
