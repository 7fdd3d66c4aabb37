// Placeholder until the stage's first file lands; delete it then.
import TidingsModel
