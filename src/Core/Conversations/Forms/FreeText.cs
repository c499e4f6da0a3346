using System.Globalization;

namespace Timpora.Core.Conversations.Forms;

/// <summary>Typed text of a sensible length, trimmed, with runs of spaces kept as typed.</summary>
public sealed class FreeText(int min, int max) : IAnswer<string>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<string>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Typed is not { } text || reply.Message.Kind != Messaging.IncomingKind.Text)
        {
            return Refuse(asking.Text("Form.ExpectText"));
        }

        var length = new StringInfo(text).LengthInTextElements;
        if (length < min)
        {
            return Refuse(asking.Text("Form.TextTooShort", min));
        }

        if (length > max)
        {
            return Refuse(asking.Text("Form.TextTooLong", max, length));
        }

        return ValueTask.FromResult(Parsed<string>.Accept(text));
    }

    private static ValueTask<Parsed<string>> Refuse(string problem) => ValueTask.FromResult(Parsed<string>.Refuse(problem));
}
