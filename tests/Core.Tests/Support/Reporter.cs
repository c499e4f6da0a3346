using System.Text.RegularExpressions;
using Timpora.Core.Messaging;
using Timpora.Testing;

namespace Timpora.Core.Tests.Support;

/// <summary>Someone reporting anonymously the way people do: buttons where there are buttons, typing where not.</summary>
public sealed partial class Reporter(EngineHarness bot, string chat = EngineHarness.Chat, string language = "id")
{
    public const string WhatWasSeen = "Tiga orang asing tinggal di rumah kontrakan sejak Agustus dan bekerja di pabrik tanpa izin.";
    public const string PhotoId = "report-photo-1";

    public string Chat => chat;

    public Task<IReadOnlyList<OutgoingMessage>> Send(string text) => bot.SendAsync(text, chat, language);

    public Task<IReadOnlyList<OutgoingMessage>> Press(string payload) => bot.PressAsync(payload, chat, language);

    /// <summary>Alun-alun Kota Serang: inside the working area.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> ShareLocation(double latitude = -6.1206, double longitude = 106.1502) =>
        bot.SendLocationAsync(latitude, longitude, chat, language);

    /// <summary>A photo as Telegram delivers it; the bytes (a JPEG with GPS and camera EXIF) are registered under its id.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> SendPhoto(string fileId = PhotoId, long? size = null, string mime = "image/jpeg", bool isPhoto = true, byte[]? bytes = null)
    {
        var content = bytes ?? TestImages.JpegWithMetadata();
        bot.Files.Register(fileId, content);
        return bot.RunAsync(new IncomingMessage(EngineHarness.Address(chat), IncomingKind.Photo)
        {
            File = new IncomingFile(fileId, size ?? content.Length, mime, null, isPhoto),
            LanguageHint = language,
        });
    }

    /// <summary>Answers every step up to (not including) <paramref name="stopBefore"/>, with ordinary answers and one photo.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> ReportUntil(string stopBefore)
    {
        IReadOnlyList<OutgoingMessage> last = await Send("/lapor");
        foreach (var (step, answer) in Steps())
        {
            if (step == stopBefore)
            {
                return last;
            }

            last = await answer();
        }

        return last;
    }

    /// <summary>The whole report, sent; returns what the send press said.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> Report() => ReportUntil("end");

    /// <summary>The receipt code in the "sent" message.</summary>
    public static string ReceiptIn(IEnumerable<OutgoingMessage> replies) =>
        replies.Select(r => ReceiptCode().Match(r.Text ?? "")).First(m => m.Success).Groups[1].Value;

    private IEnumerable<(string Step, Func<Task<IReadOnlyList<OutgoingMessage>>> Answer)> Steps()
    {
        yield return ("cat", () => Press("v1:report:a:cat:IllegalWork"));
        yield return ("text", () => Send(WhatWasSeen));
        yield return ("where", () => ShareLocation());
        yield return ("when", () => Press("v1:report:a:when:Yesterday"));
        yield return ("people", () => Press("v1:report:a:people:3"));
        yield return ("nat", () => Send("Tiongkok"));
        yield return ("photos", async () =>
        {
            await SendPhoto();
            return await Press("v1:report:a:photos:done");
        });
        yield return ("confirm", () => Press("v1:report:ok"));
    }

    [GeneratedRegex("<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</code>")]
    private static partial Regex ReceiptCode();
}
