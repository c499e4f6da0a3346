using System.Diagnostics;
using System.Globalization;
using System.Text;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Collective;

/// <summary>
/// The coordinator's CSV roster: reading and checking a file on its own, and sending one in <c>/rombongan</c> through
/// the engine. Row numbers are a spreadsheet's: the header is row 1.
/// </summary>
public sealed class RosterCsvTests : IDisposable
{
    private const string Header = "nama;nik;tanggal_lahir;paspor;telepon";
    private static readonly DateOnly Today = new(2026, 1, 5);
    private static readonly IReadOnlyDictionary<string, long> NoneOpen = new Dictionary<string, long>();

    private readonly EngineHarness _bot = new();

    public void Dispose() => _bot.Dispose();

    // Reading a file

    [Fact]
    public void Reads_a_semicolon_file_with_a_byte_order_mark_and_English_headers_in_any_case()
    {
        var file = Utf8WithBom("Name ; NIK ; Birth Date ; Passport ; Phone\r\nAhmad Fauzi;3604011708750001;17/08/1975;new;0812 3456 7801\r\n");

        var read = RosterCsv.Read(file);

        Assert.Null(read.Problem);
        Assert.Equal([new RosterRow(2, "Ahmad Fauzi", "3604011708750001", "17/08/1975", "new", "0812 3456 7801")], read.Rows);
    }

    [Fact]
    public void Reads_a_comma_file_with_quoted_names_and_skips_Excel_s_empty_rows()
    {
        var file = Encoding.UTF8.GetBytes("nama,nik,tanggal_lahir,paspor,telepon\n\"Hasan, S.Pd.\",3604011708750001,1975-08-17,baru,081234567801\n,,,,\n\nSiti Aminah,3604014302800002,03/02/1980,penggantian,081234567802\n");

        var read = RosterCsv.Read(file);

        Assert.Equal([2, 5], read.Rows.Select(r => r.Row));
        Assert.Equal("Hasan, S.Pd.", read.Rows[0].Name);
    }

    [Fact]
    public void Reads_Excel_s_UTF16_unicode_text()
    {
        var file = (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("nama\tnik\ttanggal_lahir\tpaspor\ttelepon\r\nAhmad Fauzi\t3604011708750001\t17/08/1975\tbaru\t081234567801\r\n")];

        var read = RosterCsv.Read(file);

        Assert.Equal("3604011708750001", Assert.Single(read.Rows).Nik);
    }

    [Fact]
    public void Names_the_missing_columns_and_the_ones_found()
    {
        var read = RosterCsv.Read(Encoding.UTF8.GetBytes("Nama;No KTP;Tgl Lahir;HP\nAhmad Fauzi;3604011708750001;17/08/1975;081234567801\n"));

        Assert.Equal(RosterFileProblem.Columns, read.Problem);
        Assert.Equal([RosterField.Nik, RosterField.Passport], read.Missing.Select(c => c.Field));
        Assert.Equal(["Nama", "No KTP", "Tgl Lahir", "HP"], read.Found);
    }

    [Theory]
    [InlineData(new byte[0], RosterFileProblem.Empty)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0D, 0x0A, 0x20 }, RosterFileProblem.Empty)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 }, RosterFileProblem.Workbook)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x25, 0xE2, 0xE3, 0xCF, 0xD3, 0x01, 0x02, 0x03, 0x04 }, RosterFileProblem.NotText)]
    public void Refuses_an_empty_file_a_workbook_and_binary_content(byte[] bytes, RosterFileProblem problem)
    {
        Assert.Equal(problem, RosterCsv.Read(bytes).Problem);
    }

    [Fact]
    public void Refuses_random_bytes_as_not_text()
    {
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);

        Assert.Equal(RosterFileProblem.NotText, RosterCsv.Read(noise).Problem);
    }

    [Fact]
    public void Refuses_a_header_with_nobody_under_it()
    {
        Assert.Equal(RosterFileProblem.NoRows, RosterCsv.Read(Encoding.UTF8.GetBytes(Header + "\n;;;;\n")).Problem);
    }

    // Checking the rows

    [Fact]
    public void Checks_every_row_and_says_each_reason()
    {
        var rows = RosterCsv.Read(Encoding.UTF8.GetBytes(string.Join("\n",
            Header,
            "Ahmad Fauzi;3604011708750001;17/08/1975;baru;081234567801",
            "Sumarni;360401430280000;03/02/1980;hilang;0254 209489",
            "Budi Santoso;3.60401E+15;31/02/1980;baru;081234567803",
            "Ahmad Fauzi;3604011708750001;17/08/1975;baru;081234567801",
            "Rina Wati;3604014302800002;03/02/2030;penggantian;081234567805",
            "Dewi Lestari;3604015005900006;10/05/1990;baru;081234567806"))).Rows;
        var open = new Dictionary<string, long> { ["3604015005900006"] = 99 };

        var import = RosterCsv.Check(rows, SessionPurpose.Umrah, 1, 300, open, Today);

        Assert.Equal(["Ahmad Fauzi"], import.Valid.Select(v => v.FullName));
        Assert.Equal(
            [
                "3: Roster.Csv.Name.OneWord, Roster.Csv.Nik.TooShort(15), Roster.Csv.Passport(hilang), Roster.Csv.Phone.NotMobile",
                "4: Roster.Csv.Nik.Scientific, Roster.Csv.BirthDate.NotUnderstood(31/02/1980)",
                "5: Roster.Csv.Duplicate(2)",
                "6: Roster.Csv.BirthDate.Future(03/02/2030)",
                "7: Roster.Csv.InAnotherSession",
            ],
            import.Problems.Select(Describe));
    }

    [Fact]
    public void Refuses_a_person_already_on_this_roster_and_takes_a_one_word_name_for_other_purposes()
    {
        var rows = RosterCsv.Read(Encoding.UTF8.GetBytes(Header + "\nSumarni;3604014302800002;03/02/1980;baru;081234567802\nAhmad Fauzi;3604011708750001;17/08/1975;baru;081234567801\n")).Rows;

        var import = RosterCsv.Check(rows, SessionPurpose.Other, 7, 300, new Dictionary<string, long> { ["3604011708750001"] = 7 }, Today);

        Assert.Equal(["Sumarni"], import.Valid.Select(v => v.FullName));
        Assert.Equal(["3: Roster.Csv.AlreadyHere"], import.Problems.Select(Describe));
    }

    [Fact]
    public void Takes_valid_rows_only_up_to_the_room_left()
    {
        var rows = RosterCsv.Read(Encoding.UTF8.GetBytes(Rows(5))).Rows;

        var import = RosterCsv.Check(rows, SessionPurpose.Umrah, 1, 3, NoneOpen, Today);

        Assert.Equal(3, import.Valid.Count);
        Assert.Equal([5, 6], import.Full);
        Assert.Empty(import.Problems);
    }

    [Theory]
    [InlineData(Language.Indonesian)]
    [InlineData(Language.English)]
    public void The_example_file_reads_back_clean(Language language)
    {
        var read = RosterCsv.Read(RosterCsvExample.Build(language));
        var import = RosterCsv.Check(read.Rows, SessionPurpose.Umrah, 1, 300, NoneOpen, Today);

        Assert.Null(read.Problem);
        Assert.Equal(3, import.Valid.Count);
        Assert.Empty(import.Problems);
        Assert.DoesNotContain(import.Valid, v => BirthDates.DiffersFromNik(v.Nik, v.BirthDate));
    }

    // Through /rombongan

    [Theory]
    [InlineData("id", "contoh-rombongan.csv")]
    [InlineData("en", "roster-example.csv")]
    public async Task Explains_the_columns_and_sends_the_example_as_a_document(string hint, string fileName)
    {
        var language = Texts.FromHint(hint);
        var session = await RosterSetup.RequestAsync(_bot);

        var replies = await _bot.PressAsync($"v1:roster:csv:{session.Code}", RosterSetup.Coordinator, hint);

        Assert.Equal(
            Texts.Format(language, "Roster.Csv.Explain", session.Code, 2, 300, Texts.Get(language, "Roster.Csv.TwoWords")),
            replies[0].Text);
        Assert.Equal(fileName, replies[1].DocumentName);
        Assert.Equal(RosterCsvExample.Build(language), replies[1].DocumentBytes);
        Assert.Equal(Texts.Get(language, "Roster.Csv.ExampleCaption"), replies[1].Caption);
        Assert.Equal(fileName, Assert.Single(_bot.Queued(RosterSetup.Coordinator), m => m.DocumentBytes is not null).DocumentName);
    }

    [Fact]
    public async Task Adds_every_person_of_a_valid_file_without_a_chat()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        var replies = await SendFileAsync(RosterCsvExample.Build(Language.Indonesian));

        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Csv.Report", 3, 3, 0), replies[0].Text);
        Assert.StartsWith(Texts.Format(Language.Indonesian, "Roster.Card", session.Code, "PT Amanah Wisata", Texts.Get(Language.Indonesian, "Roster.Status.Requested"), 3, 45, 30, 300), replies[1].Text, StringComparison.Ordinal);
        var roster = RosterSetup.Roster(_bot, session);
        Assert.Equal(["Ahmad Fauzi", "Siti Aminah", "Muhammad Rizki bin Ahmad"], roster.Select(a => a.FullName));
        Assert.All(roster, a => Assert.Equal((ApplicantSource.Csv, (ConversationAddress?)null), (a.Source, a.Chat)));
        Assert.Equal(PassportKind.Replacement, roster[1].Passport);
        Assert.Equal("+6281234567803", roster[2].Phone);
    }

    [Fact]
    public async Task Reports_a_mixed_file_row_by_row_and_adds_only_the_valid_rows()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        var other = await RosterSetup.RequestAsync(_bot, coordinator: "3999");
        await RosterSetup.AddAsync(_bot, other, RosterSetup.Person("Dewi Lestari", new DateOnly(1990, 5, 10), 6));
        await _bot.PressAsync($"v1:roster:show:{session.Code}", RosterSetup.Coordinator);

        var replies = await SendFileAsync(Encoding.UTF8.GetBytes(string.Join("\r\n",
            Header,
            "Ahmad Fauzi;3604011708750001;17/08/1975;baru;081234567801",
            "Budi Santoso;36040117087500;17/08/1975;baru;081234567802",
            "Dewi Lestari;3604011005900006;10/05/1990;baru;081234567806",
            "Ahmad Fauzi;3604011708750001;17/08/1975;baru;081234567801")));

        Assert.Equal(
            string.Join("\n",
                Texts.Format(Language.Indonesian, "Roster.Csv.Report", 4, 1, 3),
                "baris 3: NIK 14 angka (seharusnya 16)",
                "baris 4: NIK sudah terdaftar di rombongan lain yang masih berjalan",
                "baris 5: NIK sama dengan baris 2"),
            replies[0].Text);
        Assert.Equal(["Ahmad Fauzi"], RosterSetup.Roster(_bot, session).Select(a => a.FullName));
    }

    [Fact]
    public async Task Reports_in_English_for_an_English_speaking_coordinator()
    {
        var session = await RosterSetup.RequestAsync(_bot, language: Language.English);
        await _bot.SendAsync("/roster", RosterSetup.Coordinator, "en");

        var replies = await SendFileAsync(Encoding.UTF8.GetBytes("name,nik,birth_date,passport,phone\nAhmad Fauzi,360401170875000,17/08/1975,new,081234567801\n"), hint: "en");

        Assert.Equal(Texts.Format(Language.English, "Roster.Csv.Report", 1, 0, 1) + "\nrow 2: NIK has 15 digits (16 needed)", replies[0].Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Fact]
    public async Task Tells_an_English_speaking_coordinator_plainly_that_a_NIK_holds_more_than_digits()
    {
        await RosterSetup.RequestAsync(_bot, language: Language.English);
        await _bot.SendAsync("/roster", RosterSetup.Coordinator, "en");

        var replies = await SendFileAsync(Encoding.UTF8.GetBytes("name,nik,birth_date,passport,phone\nAhmad Fauzi,36040117087500O1,17/08/1975,new,081234567801\n"), hint: "en");

        Assert.EndsWith("\nrow 2: NIK has characters other than digits", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_missing_columns_to_the_coordinator_and_adds_nobody()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        var replies = await SendFileAsync(Encoding.UTF8.GetBytes("Nama;No KTP;Tgl Lahir;HP\nAhmad Fauzi;3604011708750001;17/08/1975;081234567801\n"));

        Assert.Equal(
            Texts.Format(Language.Indonesian, "Roster.Csv.File.Columns", "<code>nik</code>, <code>paspor</code>", "<code>Nama</code>, <code>No KTP</code>, <code>Tgl Lahir</code>, <code>HP</code>", Header),
            Assert.Single(replies).Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Theory]
    [InlineData(new byte[0], "Roster.Csv.File.Empty")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x10 }, "Roster.Csv.File.NotText")]
    public async Task Refuses_an_empty_or_binary_file(byte[] bytes, string text)
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        var replies = await SendFileAsync(bytes);

        Assert.Equal(Texts.Get(Language.Indonesian, text), Assert.Single(replies).Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
    }

    [Theory]
    [InlineData("daftar.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Roster.Csv.Workbook")]
    [InlineData("daftar.pdf", "application/pdf", "Roster.Csv.NotCsv")]
    [InlineData("daftar.jpg", "text/csv", "Roster.Csv.NotCsv")]
    [InlineData(null, "application/octet-stream", "Roster.Csv.NotCsv")]
    public async Task Refuses_a_file_that_is_not_CSV_before_fetching_it(string? name, string mime, string text)
    {
        await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);
        _bot.Files.Register("roster-file", RosterCsvExample.Build(Language.Indonesian));

        var replies = await _bot.SendDocumentAsync("roster-file", name, mime, 300, RosterSetup.Coordinator);

        Assert.Equal(Texts.Get(Language.Indonesian, text), Assert.Single(replies).Text);
        Assert.Equal(0, _bot.Files.Fetches);
    }

    [Fact]
    public async Task Takes_a_csv_file_that_Windows_labels_as_Excel()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        await SendFileAsync(RosterCsvExample.Build(Language.Indonesian), mime: "application/vnd.ms-excel");

        Assert.Equal(3, RosterSetup.Roster(_bot, session).Count);
    }

    [Fact]
    public async Task Refuses_a_file_larger_than_two_megabytes_before_fetching_it()
    {
        await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);
        _bot.Files.Register("roster-file", RosterCsvExample.Build(Language.Indonesian));

        var replies = await _bot.SendDocumentAsync("roster-file", "rombongan.csv", "text/csv", RosterCsv.MaxBytes + 1, RosterSetup.Coordinator);

        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Csv.TooBig", 2), Assert.Single(replies).Text);
        Assert.Equal(0, _bot.Files.Fetches);
    }

    [Fact]
    public async Task Refuses_a_file_whose_size_was_not_given_once_it_turns_out_too_large()
    {
        await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);
        _bot.Files.Register("roster-file", Encoding.UTF8.GetBytes(Rows(1) + new string(' ', (int)RosterCsv.MaxBytes)));

        var replies = await _bot.SendDocumentAsync("roster-file", "rombongan.csv", "text/csv", null, RosterSetup.Coordinator);

        Assert.Equal(Texts.Format(Language.Indonesian, "Roster.Csv.TooBig", 2), Assert.Single(replies).Text);
    }

    [Fact]
    public async Task Asks_to_send_the_file_again_later_when_the_channel_cannot_give_it()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);
        _bot.Files.Unavailable = true;

        var replies = await SendFileAsync(RosterCsvExample.Build(Language.Indonesian));

        Assert.Equal(Texts.Get(Language.Indonesian, "Roster.Csv.Unavailable"), Assert.Single(replies).Text);
        Assert.Empty(RosterSetup.Roster(_bot, session));
        var again = await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);
        Assert.Contains(session.Code, again[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waits_for_a_choice_of_session_before_reading_a_file()
    {
        await RosterSetup.RequestAsync(_bot);
        await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        var replies = await SendFileAsync(RosterCsvExample.Build(Language.Indonesian));

        Assert.Equal(Texts.Get(Language.Indonesian, "Roster.Csv.PickFirst"), replies[0].Text);
        Assert.Equal(0, _bot.Files.Fetches);
    }

    [Fact]
    public async Task Reads_ten_thousand_rows_in_one_turn_adds_up_to_the_maximum_and_keeps_the_report_short()
    {
        var session = await RosterSetup.RequestAsync(_bot);
        await _bot.SendAsync("/rombongan", RosterSetup.Coordinator);

        // Every 100th row has a 15-digit NIK, so the problems are more than the report lists.
        var lines = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= 10_000; i++)
        {
            var nik = Nik(i);
            lines.Append(CultureInfo.InvariantCulture, $"Jamaah {Alpha(i)};{(i % 100 == 0 ? nik[..15] : nik)};{Birth(i):dd/MM/yyyy};baru;0812{i:00000000}\r\n");
        }

        var clock = Stopwatch.StartNew();
        var replies = await SendFileAsync(Encoding.UTF8.GetBytes(lines.ToString()));
        clock.Stop();

        var report = replies[0].Text!;
        Assert.StartsWith(Texts.Format(Language.Indonesian, "Roster.Csv.Report", 10_000, 300, 9_700), report, StringComparison.Ordinal);
        Assert.Equal(RosterFlow.ReportLines, report.Split('\n').Count(l => l.StartsWith("baris ", StringComparison.Ordinal)));
        Assert.Contains(Texts.Format(Language.Indonesian, "Roster.AndMore", 100 - RosterFlow.ReportLines), report, StringComparison.Ordinal);
        Assert.EndsWith(Texts.Format(Language.Indonesian, "Roster.Csv.Full", 9_600, 305, 300), report, StringComparison.Ordinal);
        Assert.Equal(300, RosterSetup.Roster(_bot, session).Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"10,000 rows took {clock.Elapsed}");
    }

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>A different word for every number, since names hold letters only: 1 = b, 26 = ba.</summary>
    private static string Alpha(int i) => i < 26 ? ((char)('a' + i)).ToString() : Alpha(i / 26) + (char)('a' + (i % 26));

    private static DateOnly Birth(int i) => new DateOnly(1950, 1, 1).AddDays(i % 15_000);

    private static string Nik(int i) => RosterSetup.NikFor(Birth(i), i % 10_000 == 0 ? 9_999 : i);

    private static string Rows(int count) => Header + "\n" + string.Join("\n", Enumerable.Range(1, count).Select(i =>
        string.Create(CultureInfo.InvariantCulture, $"Jamaah {Alpha(i)};{Nik(i)};{Birth(i):dd/MM/yyyy};baru;0812{i:00000000}"))) + "\n";

    private static string Describe(RowProblem problem) =>
        $"{problem.Row}: " + string.Join(", ", problem.Notes.Select(n =>
            n.Key + (n.Args.Length == 0 || n.Key.Contains("Name", StringComparison.Ordinal) || n.Key.EndsWith("Phone.NotMobile", StringComparison.Ordinal)
                ? ""
                : "(" + n.Args[0] + ")")));

    private Task<IReadOnlyList<OutgoingMessage>> SendFileAsync(byte[] bytes, string mime = "text/csv", string hint = "id")
    {
        _bot.Files.Register("roster-file", bytes);
        return _bot.SendDocumentAsync("roster-file", "rombongan.csv", mime, bytes.Length, RosterSetup.Coordinator, hint);
    }
}
