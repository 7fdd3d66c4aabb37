import Foundation

public enum TestSupport {
    /// The package root, found from this file's path, so fixtures are read from the
    /// source tree (and goldens can be re-recorded there).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `Tests/<relative>` under the package root.
    public static func testsPath(_ relative: String) -> String {
        (packageRoot as NSString).appendingPathComponent("Tests/" + relative)
    }
}
