// The model types (TidingsError, ParsedFeed, …) are part of TidingsCore's API.
@_exported import TidingsModel
