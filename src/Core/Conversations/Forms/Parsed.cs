using System.Diagnostics.CodeAnalysis;

namespace Timpora.Core.Conversations.Forms;

/// <summary>An answer that was understood, or the HTML that tells the person why not.</summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Parsed<Slot>.Accept(slot) reads as what it does; answers always know their type.")]
public sealed record Parsed<T>
{
    private Parsed(bool ok, T? value, string? problem, Question? instead)
    {
        Ok = ok;
        Value = value;
        Problem = problem;
        Instead = instead;
    }

    public bool Ok { get; }

    public T? Value { get; }

    public string? Problem { get; }

    /// <summary>A narrower question to ask instead of the step's own, e.g. the windows of the day that was typed.</summary>
    public Question? Instead { get; }

    public static Parsed<T> Accept(T value) => new(true, value, null, null);

    public static Parsed<T> Refuse(string problemHtml) => new(false, default, problemHtml, null);

    /// <summary>Not an answer yet, but close: the problem text becomes the prompt, with these choices.</summary>
    public static Parsed<T> Narrow(string promptHtml, Question question) => new(false, default, promptHtml, question);
}
