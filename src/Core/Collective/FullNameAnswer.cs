using Timpora.Core.Conversations.Forms;

namespace Timpora.Core.Collective;

/// <summary>A full name as on the KTP; whether it needs two words depends on the session, so the draft decides.</summary>
public sealed class FullNameAnswer(Func<Asking, bool> twoWords) : IAnswer<string>
{
    public bool NumbersPickButtons => false;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<string>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Typed is not { } text || reply.Message.Kind != Messaging.IncomingKind.Text)
        {
            return ValueTask.FromResult(Parsed<string>.Refuse(asking.Text("Form.ExpectText")));
        }

        var check = ApplicantName.Check(text, twoWords(asking));
        return ValueTask.FromResult(check.IsValid
            ? Parsed<string>.Accept(check.Name)
            : Parsed<string>.Refuse(asking.Text($"Join.Name.{check.Problem}", ApplicantName.Longest)));
    }
}
