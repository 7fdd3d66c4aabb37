import ArgumentParser
import TidingsCore
import TidingsFetch

/// The limits every transfer runs under, shared by `sync` and `run`.
struct FetchLimitOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Give up on a transfer after this long (e.g. 60s, 2m).", valueName: "duration"))
    var timeout: String = "60s"

    @Option(name: .long, help: ArgumentHelp("Give up connecting after this long.", valueName: "duration"))
    var connectTimeout: String = "15s"

    @Option(name: .long, help: ArgumentHelp("Largest feed accepted, counted after decompression (e.g. 20MB).", valueName: "size"))
    var maxSize: String = "20MB"

    @Option(name: .long, help: ArgumentHelp("Abort a transfer slower than 1000 bytes/s for this long.", valueName: "duration"))
    var lowSpeedTime: String = "20s"

    func validate() throws {
        for (flag, value) in [("--timeout", timeout), ("--connect-timeout", connectTimeout), ("--low-speed-time", lowSpeedTime)]
        where Interval.parse(value) == nil {
            throw ValidationError("\(flag) \(value): write a duration such as 30s, 2m or 1h")
        }
        if ByteSize.parse(maxSize) == nil {
            throw ValidationError("--max-size \(maxSize): write a size such as 20MB, 512kB or a number of bytes")
        }
    }

    var limits: FetchLimits {
        var limits = FetchLimits.default
        limits.totalTimeout = Interval.parse(timeout) ?? limits.totalTimeout
        limits.connectTimeout = Interval.parse(connectTimeout) ?? limits.connectTimeout
        limits.lowSpeedTime = Interval.parse(lowSpeedTime) ?? limits.lowSpeedTime
        limits.maxBodyBytes = ByteSize.parse(maxSize) ?? limits.maxBodyBytes
        return limits
    }
}
