using System.Text;
using Timpora.Core.Conversations;

namespace Timpora.Core.Collective;

/// <summary>
/// The example roster the coordinator downloads and fills in. Indonesian Excel opens CSV with semicolons, so the
/// Indonesian file uses them; the byte order mark makes Excel read it as UTF-8. The people are made up, with NIKs
/// whose digits agree with their birth dates, so the file reads back clean through <see cref="RosterCsv"/>.
/// </summary>
public static class RosterCsvExample
{
    public static string FileName(Language language) => language == Language.English ? "roster-example.csv" : "contoh-rombongan.csv";

    public static byte[] Build(Language language)
    {
        var english = language == Language.English;
        var separator = english ? "," : ";";
        string[][] rows =
        [
            [.. RosterCsv.Columns.Select(c => english ? c.English : c.Indonesian)],
            ["Ahmad Fauzi", "3604011708750001", "17/08/1975", english ? "new" : "baru", "081234567801"],
            ["Siti Aminah", "3604014302800002", "03/02/1980", english ? "replacement" : "penggantian", "081234567802"],
            ["Muhammad Rizki bin Ahmad", "3673020512000003", "05/12/2000", english ? "new" : "baru", "+6281234567803"],
        ];
        var text = string.Join("\r\n", rows.Select(r => string.Join(separator, r))) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }
}
