using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using Timpora.Core.Messaging;
using Timpora.Core.Parsing;

namespace Timpora.Core.Collective;

/// <summary>
/// The coordinator's roster as a CSV file: read (comma or semicolon, as Excel in Indonesia saves with semicolons; a
/// UTF-8 byte order mark; Excel's UTF-16 "Unicode text"), then every row checked the way the join form checks one
/// person. Row numbers are those of a spreadsheet: the header is row 1.
/// </summary>
public static partial class RosterCsv
{
    /// <summary>A roster of a few hundred people is some tens of kilobytes; 10,000 rows fit with room to spare.</summary>
    public const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>Column names as the example file writes them, Indonesian then English; any of them is accepted.</summary>
    public static IReadOnlyList<RosterColumn> Columns { get; } =
    [
        new(RosterField.Name, "nama", "name", ["nama", "name", "nama_lengkap", "full_name", "fullname"]),
        new(RosterField.Nik, "nik", "nik", ["nik", "no_nik", "nomor_nik", "nik_ktp"]),
        new(RosterField.BirthDate, "tanggal_lahir", "birth_date", ["tanggal_lahir", "tgl_lahir", "birth_date", "date_of_birth", "birthdate", "dob"]),
        new(RosterField.Passport, "paspor", "passport", ["paspor", "passport", "jenis_paspor", "passport_kind", "jenis_permohonan"]),
        new(RosterField.Phone, "telepon", "phone", ["telepon", "phone", "telp", "no_hp", "nomor_hp", "hp", "no_telepon", "phone_number", "mobile"]),
    ];

    private static readonly string[] CsvExtensions = [".csv", ".txt"];

    private static readonly string[] CsvMimeTypes =
        ["text/csv", "text/plain", "text/comma-separated-values", "application/csv", "text/x-csv", "application/x-csv", "application/vnd.ms-excel", "text/tab-separated-values"];

    /// <summary>
    /// Whether a file may be a CSV, from what the channel says before anything is downloaded: its name when it has
    /// one (a .xlsx is a workbook whatever its type says), otherwise its type. Windows labels .csv files as Excel's.
    /// </summary>
    public static bool MayBeCsv(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.IsPhoto)
        {
            return false;
        }

        var extension = Path.GetExtension(file.FileName ?? "");
        if (extension.Length > 0)
        {
            return CsvExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
        }

        var mime = (file.MimeType ?? "").Split(';')[0].Trim();
        return CsvMimeTypes.Contains(mime, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A workbook by its name: the coordinator is told to save it as CSV instead.</summary>
    public static bool IsWorkbook(IncomingFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Path.GetExtension(file.FileName ?? "").ToUpperInvariant() is ".XLS" or ".XLSX" or ".ODS" or ".XLSM";
    }

    /// <summary>The rows of a file with the five columns, or why it cannot be read as one.</summary>
    public static RosterFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (Decode(bytes) is not { } text)
        {
            return RosterFile.Refused(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) || bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])
                ? RosterFileProblem.Workbook
                : RosterFileProblem.NotText);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return RosterFile.Refused(RosterFileProblem.Empty);
        }

        // No header for the library: the header is ours to match loosely, and line numbers then count it as row 1.
        var options = CsvReaderOptions.Default with
        {
            Separator = Separator(text),
            HasHeader = false,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,
            IncludeValuesInExceptions = false,
        };
        using var reader = CsvReader.FromText(text, options);
        string[]? header = null;
        while (header is null && reader.Read())
        {
            var record = Fields(reader);
            header = record.Any(f => f.Length > 0) ? record : null;
        }

        if (header is null)
        {
            return RosterFile.Refused(RosterFileProblem.Empty);
        }

        var names = header.Select(Normalise).ToList();
        var at = Columns.ToDictionary(c => c.Field, c => names.FindIndex(n => c.Aliases.Contains(n)));
        var missing = Columns.Where(c => at[c.Field] < 0).ToList();
        if (missing.Count > 0)
        {
            return RosterFile.Refused(RosterFileProblem.Columns) with
            {
                Missing = missing,
                Found = [.. header.Select(h => h.Trim().Trim('\uFEFF')).Where(h => h.Length > 0)],
            };
        }

        var rows = new List<RosterRow>();
        while (reader.Read())
        {
            var record = Fields(reader);
            string Field(RosterField field) => at[field] < record.Length ? record[at[field]] : "";
            var row = new RosterRow((int)reader.LineNumber, Field(RosterField.Name), Field(RosterField.Nik), Field(RosterField.BirthDate), Field(RosterField.Passport), Field(RosterField.Phone));

            // Excel leaves rows of bare separators (";;;;") under a table that once was longer.
            if (row is not { Name: "", Nik: "", BirthDate: "", Passport: "", Phone: "" })
            {
                rows.Add(row);
            }
        }

        return rows.Count == 0 ? RosterFile.Refused(RosterFileProblem.NoRows) : new RosterFile(rows, null);
    }

    /// <summary>
    /// Checks every row like the join form checks one person, and against the rosters: a NIK twice in the file, on
    /// this roster already, or on another open roster (<paramref name="openNiks"/>, one query for the whole file) is
    /// refused. Valid rows beyond <paramref name="room"/> are refused because the roster is full.
    /// </summary>
    public static RosterImport Check(IReadOnlyList<RosterRow> rows, SessionPurpose purpose, long sessionId, int room, IReadOnlyDictionary<string, long> openNiks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(openNiks);
        var valid = new List<(int Row, ApplicantFacts Facts)>();
        var problems = new List<RowProblem>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var full = new List<int>();
        foreach (var row in rows)
        {
            var notes = new List<RowNote>();
            var name = ApplicantName.Check(row.Name, ApplicantName.NeedsTwoWords(purpose));
            if (!name.IsValid)
            {
                notes.Add(new RowNote($"Roster.Csv.Name.{name.Problem}", ApplicantName.Longest));
            }

            var nik = Nik.Parse(row.Nik);
            if (nik.Nik is { } parsed)
            {
                if (seen.TryGetValue(parsed.Value, out var first))
                {
                    notes.Add(new RowNote("Roster.Csv.Duplicate", first));
                }
                else
                {
                    seen[parsed.Value] = row.Row;
                    if (openNiks.TryGetValue(parsed.Value, out var session))
                    {
                        notes.Add(new RowNote(session == sessionId ? "Roster.Csv.AlreadyHere" : "Roster.Csv.InAnotherSession"));
                    }
                }
            }
            else
            {
                notes.Add(Scientific().IsMatch(row.Nik) ? new RowNote("Roster.Csv.Nik.Scientific") : new RowNote($"Roster.Csv.Nik.{nik.Problem}", nik.Digits));
            }

            var born = BirthDates.Parse(row.BirthDate, today);
            if (!born.IsValid)
            {
                notes.Add(new RowNote($"Roster.Csv.BirthDate.{born.Problem}", Html.Escape(Short(row.BirthDate)), BirthDates.OldestYears));
            }

            var passport = Passport(row.Passport);
            if (passport is null)
            {
                notes.Add(new RowNote("Roster.Csv.Passport", Html.Escape(Short(row.Passport))));
            }

            var phone = PhoneNumber.Parse(row.Phone);
            if (!phone.IsValid)
            {
                notes.Add(new RowNote($"Roster.Csv.Phone.{phone.Problem}"));
            }

            if (notes.Count > 0)
            {
                problems.Add(new RowProblem(row.Row, notes));
            }
            else if (valid.Count < room)
            {
                valid.Add((row.Row, new ApplicantFacts(name.Name!, nik.Nik!.Value, born.Date!.Value, passport!.Value, phone.Number!.E164)));
            }
            else
            {
                full.Add(row.Row);
            }
        }

        return new RosterImport(rows.Count, [.. valid.Select(v => v.Facts)], problems, full);
    }

    /// <summary>baru / penggantian (or new / replacement); "perpanjang" is how many people say a replacement.</summary>
    public static PassportKind? Passport(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "baru" or "new" or "paspor baru" or "new passport" => PassportKind.New,
        "penggantian" or "pengganti" or "ganti" or "replacement" or "replace" or "perpanjang" or "perpanjangan" or "renewal" => PassportKind.Replacement,
        _ => null,
    };

    /// <summary>The text, without UTF-8's or UTF-16's byte order mark; null when it is not text at all.</summary>
    private static string? Decode(byte[] bytes)
    {
        string text;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }
        else if (bytes.Contains((byte)0))
        {
            return null;
        }
        else
        {
            try
            {
                text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Excel's "CSV (Comma delimited)" writes the Windows code page; Latin-1 reads its letters nearly alike.
                text = Encoding.Latin1.GetString(bytes);
            }
        }

        text = text.TrimStart('\uFEFF');
        var control = text.Count(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        return control * 200 > text.Length || text.Contains('\0', StringComparison.Ordinal) ? null : text;
    }

    /// <summary>Whichever of semicolon, comma and tab the header line has most of; a comma when it has none.</summary>
    private static char Separator(string text)
    {
        var firstLine = text.AsSpan().TrimStart("\r\n");
        var end = firstLine.IndexOfAny('\r', '\n');
        var header = end < 0 ? firstLine : firstLine[..end];
        (char Separator, int Count)[] counts = [(';', header.Count(';')), (',', header.Count(',')), ('\t', header.Count('\t'))];
        var best = counts.MaxBy(c => c.Count);
        return best.Count == 0 ? ',' : best.Separator;
    }

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = (reader.GetString(i) ?? "").Trim();
        }

        return fields;
    }

    private static string Normalise(string header)
    {
        var name = Separators().Replace(header.Trim().Trim('\uFEFF', '"').ToLowerInvariant(), "_");
        return name.Trim('_');
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";

    [GeneratedRegex(@"[\s\-./]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    // What Excel makes of a 16-digit number in a General column: 3.60401E+15, its last digits lost.
    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Scientific();
}

public enum RosterField
{
    Name,
    Nik,
    BirthDate,
    Passport,
    Phone,
}

/// <param name="Indonesian">The header the Indonesian example writes.</param>
/// <param name="English">The header the English example writes.</param>
/// <param name="Aliases">Every header accepted, as normalised (lower case, separators as "_").</param>
public sealed record RosterColumn(RosterField Field, string Indonesian, string English, IReadOnlyList<string> Aliases);

public enum RosterFileProblem
{
    /// <summary>Binary or garbage: not text in any encoding we read.</summary>
    NotText,

    /// <summary>An Excel or OpenDocument workbook, not saved as CSV.</summary>
    Workbook,
    Empty,

    /// <summary>A header row, but without one of the five columns.</summary>
    Columns,

    /// <summary>A header row and nothing under it.</summary>
    NoRows,
}

/// <param name="Row">As a spreadsheet numbers it: the header is row 1.</param>
public sealed record RosterRow(int Row, string Name, string Nik, string BirthDate, string Passport, string Phone);

public sealed record RosterFile(IReadOnlyList<RosterRow> Rows, RosterFileProblem? Problem)
{
    public IReadOnlyList<RosterColumn> Missing { get; init; } = [];

    /// <summary>The header row's names as written, to show next to what is missing.</summary>
    public IReadOnlyList<string> Found { get; init; } = [];

    public static RosterFile Refused(RosterFileProblem problem) => new([], problem);
}

/// <summary>One reason a row was refused: a text key and its arguments.</summary>
public sealed record RowNote(string Key, params object[] Args);

public sealed record RowProblem(int Row, IReadOnlyList<RowNote> Notes);

/// <param name="Rows">Rows read, without empty ones.</param>
/// <param name="Valid">The people to add, in file order, at most the room left.</param>
/// <param name="Problems">Refused rows, in file order, each with every reason.</param>
/// <param name="Full">Rows that were valid but found the roster full.</param>
public sealed record RosterImport(int Rows, IReadOnlyList<ApplicantFacts> Valid, IReadOnlyList<RowProblem> Problems, IReadOnlyList<int> Full);
