import ArgumentParser
import TidingsCore
import TidingsStatic

/// Where articles go, shared by `sync` and `run`: a maildir, a static site, or both.
/// With neither flag, the default maildir.
struct DeliveryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The maildir to deliver into (created if missing; default ~/Maildir/feeds unless --static is given).", valueName: "dir"))
    var maildir: String?

    @Option(name: .customLong("static"), help: ArgumentHelp("Also (or only) publish the articles as a static web site in this directory.", valueName: "dir"))
    var staticDirectory: String?

    @Option(name: .long, help: ArgumentHelp("Static site: keep articles this long (30d, 12h) or this many (500); default all.", valueName: "age|count"))
    var keep: String?

    @Option(name: .long, help: "Static site: articles per listing page.")
    var pageSize: Int = 50

    @Option(name: .long, help: "Static site: articles in each Atom and JSON feed.")
    var feedItems: Int = 100

    func validate() throws {
        guard pageSize >= 1, feedItems >= 1 else { throw ValidationError("--page-size and --feed-items must be at least 1") }
        if let keep, SiteRetention.parse(keep) == nil {
            throw ValidationError("--keep \(keep): write an age (30d, 12h) or a number of articles (500)")
        }
    }

    var maildirPath: String { maildir ?? Paths.defaultMaildir() }

    func apply(to options: inout SyncOptions) {
        options.maildir = maildirPath
        options.deliversMail = maildir != nil || staticDirectory == nil
        options.staticDirectory = staticDirectory
        options.keep = keep.flatMap(SiteRetention.parse)
        options.site = SiteOptions(pageSize: pageSize, feedItems: feedItems)
    }
}
