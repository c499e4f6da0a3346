
namespace Timpora.Core.Conversations.Forms;

/// <summary>
/// One photo (or an image sent as a file), up to a size; the channel's file id is kept, not the bytes. Mostly
/// used in an optional step.
/// </summary>
public sealed class PhotoAnswer(long maxBytes) : IAnswer<string>
{
    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(Question.Plain);

    public ValueTask<Parsed<string>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        var file = reply.Message.File;
        if (file is null || !(file.IsPhoto || file.MimeType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true))
        {
            return ValueTask.FromResult(Parsed<string>.Refuse(asking.Text("Form.Photo.Expected")));
        }

        if (file.Size > maxBytes)
        {
            return ValueTask.FromResult(Parsed<string>.Refuse(asking.Text("Form.Photo.TooBig", maxBytes / (1024 * 1024))));
        }

        return ValueTask.FromResult(Parsed<string>.Accept(file.FileId));
    }
}
