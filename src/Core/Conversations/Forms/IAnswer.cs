namespace Timpora.Core.Conversations.Forms;

/// <summary>
/// One kind of answer a form can ask for (a choice, a count, a NIK, a place...): how to ask for it on any channel,
/// and how to read what comes back. Each is small and tested on its own; the form gives every one of them back,
/// cancel, re-asking and the summary.
/// </summary>
public interface IAnswer<T>
{
    /// <summary>False where a typed number is itself an answer (a count, a NIK), so "2" is not read as the second button.</summary>
    bool NumbersPickButtons => true;

    /// <summary>True when the question brings a keyboard (share location, share contact) that should go away after.</summary>
    bool UsesKeyboard => false;

    ValueTask<Question> AskAsync(Asking asking, CancellationToken ct);

    /// <summary>The answer, or a polite reason to ask again. Buttons pressed and text typed both arrive here.</summary>
    ValueTask<Parsed<T>> ReadAsync(Asking asking, Reply reply, CancellationToken ct);
}
