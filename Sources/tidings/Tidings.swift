import ArgumentParser

@main
struct Tidings: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Feed aggregation daemon.")
}
