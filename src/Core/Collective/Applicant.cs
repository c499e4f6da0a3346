using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Collective;

/// <summary>
/// One person on a session's roster. Someone who joined by the link has a chat, so reminders reach them; someone the
/// coordinator's CSV added has none until they open the link themselves.
/// </summary>
public sealed class Applicant
{
    private Applicant()
    {
    }

    public Applicant(long sessionId, ApplicantFacts facts, ApplicantSource source, ConversationAddress? chat, Language language, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(facts);
        SessionId = sessionId;
        FullName = facts.FullName;
        Nik = facts.Nik;
        BirthDate = facts.BirthDate;
        Passport = facts.Passport;
        Phone = facts.Phone;
        Source = source;
        Language = language;
        AddedAt = nowUtc;
        if (chat is not null)
        {
            Link(chat, language, nowUtc);
        }
    }

    public long Id { get; private set; }

    public long SessionId { get; private set; }

    /// <summary>As on the KTP.</summary>
    public string FullName { get; private set; } = "";

    public string Nik { get; private set; } = "";

    public DateOnly BirthDate { get; private set; }

    public PassportKind Passport { get; private set; }

    /// <summary>E.164, e.g. +6281234567890.</summary>
    public string Phone { get; private set; } = "";

    public ApplicantSource Source { get; private set; }

    public string? Channel { get; private set; }

    public string? ChatKey { get; private set; }

    public Language Language { get; private set; }

    public SessionReminder Reminded { get; private set; }

    public DateTime AddedAt { get; private set; }

    /// <summary>
    /// When their chat joined the roster (by the link): a reminder stage that fell due before then is not sent, as the
    /// welcome carried the checklist and the date.
    /// </summary>
    public DateTime? LinkedAt { get; private set; }

    public ConversationAddress? Chat => Channel is { } channel && ChatKey is { } key ? new ConversationAddress(channel, key) : null;

    /// <summary>A person the CSV added opened the join link: reminders now reach them, in their language.</summary>
    public void Link(ConversationAddress chat, Language language, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(chat);
        Channel = chat.Channel;
        ChatKey = chat.Key;
        Language = language;
        LinkedAt = nowUtc;
    }

    public void MarkReminded(SessionReminder stage) => Reminded = stage;
}
