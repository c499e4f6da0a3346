namespace Timpora.Core.Conversations.Forms;

/// <summary>One of an enum's values, as buttons labelled from the texts (<c>{prefix}.{Value}</c>), one per row.</summary>
public sealed class Pick<TEnum>(string textPrefix, IReadOnlyList<TEnum>? options = null) : IAnswer<TEnum>
    where TEnum : struct, Enum
{
    private readonly IReadOnlyList<TEnum> _options = options ?? Enum.GetValues<TEnum>();

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var rows = _options.Select(o => (IReadOnlyList<Messaging.Button>)[asking.Choice(asking.Text($"{textPrefix}.{o}"), o.ToString())]).ToList();
        return ValueTask.FromResult(new Question { Choices = rows });
    }

    public ValueTask<Parsed<TEnum>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);

        // Only names: a forged number ("99") must not parse into an undefined value.
        var chosen = reply.Pressed is { } pressed
            && !pressed.Any(char.IsDigit)
            && Enum.TryParse<TEnum>(pressed, ignoreCase: false, out var value)
            && _options.Contains(value)
                ? value
                : (TEnum?)null;
        return ValueTask.FromResult(chosen is { } ok ? Parsed<TEnum>.Accept(ok) : Parsed<TEnum>.Refuse(asking.Text("Form.PickOne")));
    }
}
