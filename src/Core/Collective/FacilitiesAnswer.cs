using Timpora.Core.Conversations.Forms;

namespace Timpora.Core.Collective;

/// <summary>
/// The venue has power, tables and an internet connection: only "yes" lets the request go on, because the mobile unit
/// cannot issue anything offline. "Not yet" is answered with why each is needed, and the question stays.
/// </summary>
public sealed class FacilitiesAnswer : IAnswer<bool>
{
    private const string Ready = "yes";
    private const string NotYet = "no";

    // Typed rather than pressed, e.g. on the terminal chat or an old phone.
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ya"] = Ready,
        ["iya"] = Ready,
        ["sudah"] = Ready,
        ["ada"] = Ready,
        ["yes"] = Ready,
        ["belum"] = NotYet,
        ["tidak"] = NotYet,
        ["not yet"] = NotYet,
        ["no"] = NotYet,
    };

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        return ValueTask.FromResult(new Question
        {
            Choices =
            [
                [asking.Choice(asking.Text("Collective.Facilities.Ready"), Ready)],
                [asking.Choice(asking.Text("Collective.Facilities.NotYet"), NotYet)],
            ],
        });
    }

    public ValueTask<Parsed<bool>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var answer = reply.Pressed ?? (reply.Typed is { } typed ? Words.GetValueOrDefault(typed.TrimEnd('.', '!')) : null);
        return ValueTask.FromResult(answer switch
        {
            Ready => Parsed<bool>.Accept(true),
            NotYet => Parsed<bool>.Refuse(asking.Text("Collective.Facilities.Why")),
            _ => Parsed<bool>.Refuse(asking.Text("Form.PickOne")),
        });
    }
}
