import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Unix signals as events on a dispatch queue.
///
/// Each signal's default action is first set to ignore — otherwise SIGTERM would still kill
/// the process before the source saw it — and then a `DispatchSourceSignal` reports it on
/// `queue`. The sources are not `Sendable`, so this class owns them and is used only on
/// `queue` (PLATFORM.md: handlers built in a nonisolated context, never in `@main`, where
/// they would be inferred `@MainActor` and trap on the first signal).
final class SignalSources: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []

    init(queue: DispatchQueue, handlers: [(Int32, @Sendable () -> Void)]) {
        for (number, handler) in handlers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    /// Stops reporting; the signals stay ignored (a late SIGTERM must not kill a clean exit).
    func cancel() {
        for source in sources { source.cancel() }
        sources = []
    }
}
