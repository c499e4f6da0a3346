using System.Text;
using System.Text.RegularExpressions;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using Microsoft.EntityFrameworkCore;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Core.Reports;
using Timpora.Testing;

namespace Timpora.Bot.Tests.Reports;

/// <summary>
/// The whole loop of an anonymous report through the fake Bot API: a citizen reports with a location and a photo
/// carrying GPS, the TIMPORA duty group gets it cleaned, an officer asks from the group, the reporter answers with the
/// receipt code, and the officer takes the report to closed; the reporter sees it closed.
/// </summary>
public sealed partial class ReportJourneyTests
{
    private const long ReporterChat = 91001;
    private const long OfficerChat = 92001;
    private const long DutyGroup = -1001555000111;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly FakeUser ReporterUser = new(ReporterChat, "Wahyuningsih", "wahyu_lapor", "id");
    private static readonly FakeUser OfficerUser = new(OfficerChat, "Rudi", "rudi_imigrasi", "id");

    [Fact]
    public async Task A_report_with_a_photo_reaches_the_duty_group_clean_and_the_reporter_answers_the_officer_with_the_code()
    {
        await using var api = await FakeBotApi.StartAsync();
        var folder = BotHost.NewFolder();
        var invite = await Cli.InviteOfficerAsync(folder, api, "Rudi Hartono");
        await using var host = await BotHost.StartAsync(api, folder: folder, tweak: s => s["Reports:DutyChat"] = "-1001555000111");

        api.SendText(OfficerChat, $"/start {invite}", OfficerUser);
        await WaitForAsync(OfficerChat, api, m => m.PlainText?.Contains("Rudi Hartono", StringComparison.Ordinal) == true);

        // The citizen reports, with a pin and a photo straight from a phone camera (GPS and camera EXIF inside).
        api.SendText(ReporterChat, "/lapor", ReporterUser);
        await PressAsync(api, ReporterChat, ReporterUser, "v1:report:a:cat:Overstay");
        await WaitForAsync(ReporterChat, api, m => m.CallbackData.Contains("v1:report:back:text"));
        api.SendText(ReporterChat, "Empat orang asing tinggal di ruko dekat terminal Pakupatan sejak tahun lalu.", ReporterUser);
        await WaitForAsync(ReporterChat, api, m => m.CallbackData.Contains("v1:report:back:where"));
        api.SendLocation(ReporterChat, -6.1097, 106.1783, ReporterUser);
        await PressAsync(api, ReporterChat, ReporterUser, "v1:report:a:when:Today");
        await PressAsync(api, ReporterChat, ReporterUser, "v1:report:skip:people");
        await WaitForAsync(ReporterChat, api, m => m.CallbackData.Contains("v1:report:back:nat"));
        api.SendText(ReporterChat, "Nigeria", ReporterUser);
        await WaitForAsync(ReporterChat, api, m => m.CallbackData.Contains("v1:report:back:photos"));
        var original = TestImages.JpegWithMetadata();
        api.SendPhotoFile(ReporterChat, "camera-photo", original, from: ReporterUser);
        await PressAsync(api, ReporterChat, ReporterUser, "v1:report:a:photos:done");
        await PressAsync(api, ReporterChat, ReporterUser, "v1:report:ok");
        var sent = await WaitForAsync(ReporterChat, api, m => m.PlainText is { } t && ReceiptCode().IsMatch(t));
        var code = ReceiptCode().Match(sent.PlainText!).Value;

        // The duty group: the card with the officers' buttons, the pin, and the photo without its metadata.
        var card = await WaitForAsync(DutyGroup, api, m => m.CallbackData.Any(d => d.StartsWith("v1:triage:claim:", StringComparison.Ordinal)));
        Assert.Contains("terminal Pakupatan", card.PlainText, StringComparison.Ordinal);
        var pin = await WaitForAsync(DutyGroup, api, m => m.Method == "sendLocation");
        Assert.Equal((-6.1097, 106.1783), (pin.Latitude, pin.Longitude));
        var photo = await WaitForAsync(DutyGroup, api, m => m.Method == "sendPhoto");
        AssertClean(photo.Upload!, original);

        // An officer in the group asks the reporter a question; the question is typed in the officer's own chat.
        api.PressButton(card, Texts.Get(Language.Indonesian, "Triage.Button.Ask"), OfficerUser);
        await WaitForAsync(OfficerChat, api, m => m.PlainText?.Contains(Number(card), StringComparison.Ordinal) == true && m.Method == "sendMessage");
        api.SendText(OfficerChat, "Apakah mereka bekerja di ruko itu, atau hanya tinggal?", OfficerUser);
        await WaitForAsync(DutyGroup, api, m => m.PlainText?.Contains("hanya tinggal?", StringComparison.Ordinal) == true);

        // The reporter comes back with the code, sees the question and answers it, still without a name.
        api.SendText(ReporterChat, $"/status {code.ToLowerInvariant()}", ReporterUser);
        var status = await WaitForAsync(ReporterChat, api, m => m.PlainText?.Contains("hanya tinggal?", StringComparison.Ordinal) == true);
        Assert.Contains(Texts.Get(Language.Indonesian, "Report.Status.New"), status.PlainText, StringComparison.Ordinal);
        api.PressButton(status, Texts.Get(Language.Indonesian, "Status.Button.Answer"), ReporterUser);
        await WaitForAsync(ReporterChat, api, m => m.CallbackData.Contains("v1:status:show"));
        api.SendText(ReporterChat, "Mereka bekerja di bengkel sebelahnya setiap hari.", ReporterUser);
        await WaitForAsync(DutyGroup, api, m => m.PlainText?.Contains("bengkel sebelahnya", StringComparison.Ordinal) == true);

        // The officer takes it from new to closed, one step at a time, from the card in the group.
        foreach (var next in new[] { ReportStatus.Verified, ReportStatus.InAction, ReportStatus.Closed })
        {
            api.PressButton(card, Texts.Get(Language.Indonesian, "Triage.Button.Status"), OfficerUser);
            var choices = await WaitForAsync(OfficerChat, api, m => m.CallbackData.Contains($"v1:triage:sto:{Number(card)}:{next}"));
            api.PressButton(choices, ReportCard.StatusName(next, Language.Indonesian), OfficerUser);
            await WaitForAsync(DutyGroup, api, m => m.At > choices.At && m.PlainText?.Contains(ReportCard.StatusName(next, Language.Indonesian), StringComparison.Ordinal) == true);
        }

        Assert.Equal(ReportStatus.Closed, await host.InScopeAsync(db => db.Reports.Select(r => r.Status).SingleAsync()));
        api.SendText(ReporterChat, $"/status {code}", ReporterUser);
        var closed = await WaitForAsync(ReporterChat, api, m => m.PlainText?.Contains("Status: " + Texts.Get(Language.Indonesian, "Report.Status.Closed"), StringComparison.Ordinal) == true);
        Assert.Contains("bengkel sebelahnya", closed.PlainText, StringComparison.Ordinal);

        // Nothing of the reporter went into the log.
        foreach (var secret in new[] { "91001", "Wahyuningsih", "wahyu_lapor", code, api.Token })
        {
            Assert.DoesNotContain(secret, host.Logs.All, StringComparison.Ordinal);
        }
    }

    private static void AssertClean(byte[] uploaded, byte[] original)
    {
        var before = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        Assert.NotEmpty(before.OfType<GpsDirectory>());
        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(uploaded));
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifIfd0Directory>());
        Assert.Empty(after.OfType<ExifSubIfdDirectory>());
        var size = after.OfType<JpegDirectory>().Single();
        Assert.Equal(before.OfType<JpegDirectory>().Single().GetImageWidth(), size.GetImageWidth());
        var latin1 = Encoding.Latin1.GetString(uploaded);
        Assert.All(TestImages.PlantedStrings, planted => Assert.DoesNotContain(planted, latin1, StringComparison.Ordinal));
    }

    private static string Number(SentMessage card) =>
        card.CallbackData.First(d => d.StartsWith("v1:triage:claim:", StringComparison.Ordinal))["v1:triage:claim:".Length..];

    private static async Task PressAsync(FakeBotApi api, long chat, FakeUser user, string payload)
    {
        var message = await WaitForAsync(chat, api, m => m.CallbackData.Contains(payload));
        api.PressButton(message, message.Buttons.First(b => b.CallbackData == payload).Text, user);
        await api.WaitForCallAsync(c => c.Method == "answerCallbackQuery", Patience);
    }

    private static Task<SentMessage> WaitForAsync(long chat, FakeBotApi api, Func<SentMessage, bool> match) =>
        api.WaitForMessageAsync(m => m.ChatId == chat && match(m), Patience);

    [GeneratedRegex("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")]
    private static partial Regex ReceiptCode();
}
