namespace Timpora.Testing;

/// <summary>One HTTP POST of an update to the webhook, with what the webhook answered.</summary>
public sealed record WebhookDelivery(long UpdateId, int Attempt, int? StatusCode, string? ResponseBody, string? Error, TimeSpan At)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
