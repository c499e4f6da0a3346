using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Support;

/// <summary>A citizen booking a visit the way people do: buttons where there are buttons, typing where there are not.</summary>
public sealed class Citizen(EngineHarness bot, string chat = EngineHarness.Chat, string language = "id")
{
    public const string Nik = "3604014501900003";
    public const string HospitalPin = "-6.1189,106.1543";

    public string Chat => chat;

    public Task<IReadOnlyList<OutgoingMessage>> Send(string text) => bot.SendAsync(text, chat, language);

    public Task<IReadOnlyList<OutgoingMessage>> Press(string payload) => bot.PressAsync(payload, chat, language);

    /// <summary>RSUD dr. Dradjat Prawiranegara, Kota Serang.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> ShareHospitalLocation() => bot.SendLocationAsync(-6.1189, 106.1543, chat, language);

    public Task<IReadOnlyList<OutgoingMessage>> SendPhoto(long size, string mime = "image/jpeg", bool isPhoto = true) =>
        bot.RunAsync(new IncomingMessage(EngineHarness.Address(chat), IncomingKind.Photo)
        {
            File = new IncomingFile("photo-file-id", size, mime, null, isPhoto),
            LanguageHint = language,
        });

    public Task<IReadOnlyList<OutgoingMessage>> ShareContact(string phone) =>
        bot.RunAsync(new IncomingMessage(EngineHarness.Address(chat), IncomingKind.Contact)
        {
            Contact = new SharedContact(phone, "Siti", IsSender: true),
            LanguageHint = language,
        });

    /// <summary>Answers every step up to (not including) <paramref name="stopBefore"/>, with ordinary answers.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> BookUntil(string stopBefore, string slot = "20260106-0900", int applicants = 1)
    {
        IReadOnlyList<OutgoingMessage> last = await Send("/jemputbola");
        foreach (var (step, answer) in Steps(slot, applicants))
        {
            if (step == stopBefore)
            {
                return last;
            }

            last = await answer();
        }

        return last;
    }

    /// <summary>The whole booking, confirmed; returns what the last press said.</summary>
    public Task<IReadOnlyList<OutgoingMessage>> Book(string slot = "20260106-0900", int applicants = 1) => BookUntil("end", slot, applicants);

    private IEnumerable<(string Step, Func<Task<IReadOnlyList<OutgoingMessage>>> Answer)> Steps(string slot, int applicants)
    {
        yield return ("why", () => Press("v1:jb:a:why:InHospital"));
        yield return ("svc", () => Press("v1:jb:a:svc:NewPassport"));
        yield return ("n", () => Press($"v1:jb:a:n:{applicants}"));
        yield return ("where", ShareHospitalLocation);
        yield return ("place", () => Send("RSUD dr. Dradjat Prawiranegara, ruang Melati, kamar 3"));
        yield return ("slot", () => Press($"v1:jb:a:slot:{slot}"));
        yield return ("name", () => Send("Siti Aminah"));
        yield return ("nik", () => Send(Nik));
        yield return ("phone", () => Send("0812-3456-7890"));
        yield return ("letter", () => Press("v1:jb:skip:letter"));
        yield return ("confirm", () => Press("v1:jb:ok"));
    }
}
