using System.Globalization;
using Timpora.Core.Messaging;

namespace Timpora.Core.Conversations.Forms;

/// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, pressed or typed.</summary>
/// <param name="buttonsUpTo">The highest number offered as a button (the rest are typed); all of them when null.</param>
public sealed class Count(int min, int max, int? buttonsUpTo = null) : IAnswer<int>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var highest = Math.Min(max, buttonsUpTo ?? max);
        var buttons = Enumerable.Range(min, Math.Max(0, highest - min + 1))
            .Select(n => asking.Choice(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)))
            .Chunk(5)
            .Select(row => (IReadOnlyList<Button>)row)
            .ToList();
        return ValueTask.FromResult(new Question { Choices = buttons });
    }

    public ValueTask<Parsed<int>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Pressed ?? reply.Typed;
        var ok = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max;
        return ValueTask.FromResult(ok ? Parsed<int>.Accept(n) : Parsed<int>.Refuse(asking.Text("Form.CountRange", min, max)));
    }
}
