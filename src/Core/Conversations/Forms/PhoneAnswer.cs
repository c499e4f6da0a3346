using Timpora.Core.Messaging;
using Timpora.Core.Parsing;

namespace Timpora.Core.Conversations.Forms;

/// <summary>An Indonesian mobile number, typed or shared with the contact button, kept as +62….</summary>
public sealed class PhoneAnswer : IAnswer<string>
{
    public bool NumbersPickButtons => false;

    public bool UsesKeyboard => true;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        var keyboard = new ReplyKeyboard([[new KeyButton(asking.Text("Form.Phone.Share"), KeyRequest.Contact)]]);
        return ValueTask.FromResult(new Question { Keyboard = keyboard });
    }

    public ValueTask<Parsed<string>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var typed = reply.Message.Contact?.PhoneNumber ?? reply.Typed;
        var check = PhoneNumber.Parse(typed);
        return ValueTask.FromResult(check.Number is { } number
            ? Parsed<string>.Accept(number.E164)
            : Parsed<string>.Refuse(asking.Text($"Form.Phone.{check.Problem}")));
    }
}
