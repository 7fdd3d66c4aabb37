import Foundation
import Testing
import TidingsTestSupport

/// A real browser opens the site from `file://`: headless Chromium must render index.html
/// and an article page to PNG. Skipped when chromium is not installed
/// (`scripts/install-deps.sh --test` installs it).
@Suite struct ChromiumRenderTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: ChromiumRenderTests.chromium != nil, "chromium is not installed"), .timeLimit(.minutes(2)))
    func chromiumRendersTheIndexFromFileURL() throws {
        let dir = TemporaryDirectory("static-chromium")
        let site = dir.file("site")
        _ = try SiteFixture().render(into: site)
        let keep = ProcessInfo.processInfo.environment["TIDINGS_SCREENSHOT_DIR"]
        for (page, shot) in [("index.html", "index.png"), ("feeds.html", "feeds.png")] {
            let png = (keep ?? dir.path) + "/" + shot
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.chromium!)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1400",
                                 "--user-data-dir=\(dir.file("profile"))", "--screenshot=\(png)", "file://\(site)/\(page)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(page)")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: png)))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(png) is a PNG")
            #expect(bytes.count > 5000, "\(png) has content")
        }
    }
}
