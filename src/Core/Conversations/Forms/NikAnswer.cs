using Timpora.Core.Parsing;

namespace Timpora.Core.Conversations.Forms;

/// <summary>A NIK, checked digit by digit (domain.md §5); a wrong one is explained, never silently taken.</summary>
public sealed class NikAnswer : IAnswer<string>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<string>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var check = Nik.Parse(reply.Typed);
        return ValueTask.FromResult(check.Nik is { } nik
            ? Parsed<string>.Accept(nik.Value)
            : Parsed<string>.Refuse(asking.Text($"Form.Nik.{check.Problem}", check.Digits)));
    }
}
