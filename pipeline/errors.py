"""One catalogue of the messages depeche gives users: each says what is wrong and what to do,
and the errors that carry them.

Codes are stable (tests and users grep them); the text may improve. Every error a user
should see as one line rather than a traceback is a `DepecheError`: the command line maps
that one class to its message and `exit_code` (pipeline/cli), nothing else.
"""


class E:
    # usage errors (exit 2, before any work)
    E001 = "E001 input {path} does not exist: give a file or a folder of dispatches"
    E002 = "E002 output {path} is a file: give a folder to write the tables into"
    E003 = "E003 output {path} is not writable: choose another folder or fix its permissions"
    E004 = "E004 no supported file under {path} (.txt .md .jsonl .json .html .htm); {skipped} other files skipped"
    E005 = "E005 model {path} not found or incomplete: give a folder made by `depeche train` or `make model`"
    E006 = "E006 {what}"
    E007 = "E007 {out} is being written by another depeche run (pid {pid}): wait for it to end, or choose another -o"
    E008 = ("E008 {out} holds the tables of another run: --resume to continue it, --overwrite to "
            "replace it, or choose another -o")
    E009 = "E009 {option} must be {rule} (got {value})"
    E010 = ("E010 {out} was made from {previous}, not {input}: --resume continues a run over the same "
            "INPUT; give that INPUT, or --overwrite")
    # run failures (exit 1)
    E011 = "E011 cannot write {out} ({detail}); {kept}"
    # per-article statuses (articles.csv `error`)
    E101 = "E101 empty: the article has no text; nothing to extract"
    E102 = "E102 binary file: {detail}; give a text file"
    E103 = "E103 cannot decode the bytes as text ({detail}); save the file as UTF-8"
    E104 = "E104 too large: {chars} characters over the limit of {limit}; raise --max-chars or split the file"
    E105 = "E105 not French: detected {lang!r} ({score}) on the body by py3langid; depeche extracts from French only"
    E106 = "E106 malformed record: {detail}; fix this line of the file, the others were read"
    E107 = "E107 unreadable file: {detail}; check permissions and links"
    E108 = "E108 extraction failed: {detail}; report this article with the message"
    E109 = "E109 record has no text field: give each record a string `text`"
    E110 = "E110 no readable record in the file: {detail}"
    E111 = "E111 too large: {what} over {cap} bytes; {hint}"
    E112 = "E112 reading failed: {detail}; report this file with the message"
    E113 = "E113 front matter refused: {detail}"
    # rule files
    E201 = "E201 {file}:{line}: {detail}"


def one_line(text: str, limit: int = 300) -> str:
    """Fold a message to one line of at most `limit` characters (the `error` cell); a lone
    surrogate (from a file name or a JSON escape) is written as its escape, `\\udce9`."""
    s = " ".join(str(text).split()).encode("utf-8", "backslashreplace").decode("utf-8")
    return s if len(s) <= limit else s[: limit - 1] + "…"


# -- errors --------------------------------------------------------------------------------
class DepecheError(Exception):
    """A failure the user can act on: the message says what to do (one line)."""
    exit_code = 2


class UsageError(DepecheError, ValueError):
    """Bad command-line input, found before any work."""


class ModelError(DepecheError, ValueError):
    """A model folder that is missing or incomplete."""


class RuleError(DepecheError, ValueError):
    """A rule file does not validate."""


class RunError(DepecheError, RuntimeError):
    """Some units of a run failed; the others' parts are written and --resume redoes the rest."""
    exit_code = 1


class GoldError(DepecheError, ValueError):
    """Gold files that cannot be read or have no text."""


class InspectError(DepecheError, ValueError):
    """OUT is not a run's output folder, or asks for an article it does not hold."""


class TrainError(DepecheError, ValueError):
    """Gold or options that training cannot use."""


class LabelStudioError(DepecheError, ValueError):
    """A Label Studio export or task that cannot be read."""


class QueryError(DepecheError, ValueError):
    """A `depeche claims` filter that cannot be read."""


class ExportError(DepecheError, ValueError):
    """`depeche db`: OUT holds no run's tables, or the database cannot be written."""
