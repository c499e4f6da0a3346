namespace Timpora.Testing;

/// <summary>One request the fake answered (or dropped), whatever the outcome.</summary>
public sealed record BotApiCall(
    string Method,
    long? ChatId,
    int StatusCode,
    string? Description,
    CallOutcome Outcome,
    string Parameters,
    TimeSpan ReceivedAt,
    TimeSpan AnsweredAt);

public enum CallOutcome
{
    Accepted,

    /// <summary>Refused by validation or state: 400, 401, 404, 409.</summary>
    Rejected,

    /// <summary>429 from the rate-limit enforcement.</summary>
    RateLimited,

    /// <summary>An error scripted with <see cref="FakeBotApi.FailNext"/>.</summary>
    InjectedFailure,

    /// <summary>The connection was aborted on purpose by <see cref="FakeBotApi.DropConnectionNext"/>.</summary>
    Dropped,

    /// <summary>The client went away (or the fake stopped) before an answer was ready.</summary>
    Cancelled,
}
