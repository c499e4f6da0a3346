using System.Net;

namespace Timpora.Bot.Telegram;

/// <summary>
/// The Bot API could not be reached or did not answer like the Bot API: a network failure, a timeout, or a body
/// that is not an envelope (a proxy's HTML 502 page). Worth retrying with backoff. The message never holds a URL,
/// because every Bot API URL holds the token; for the same reason the original exception is not kept as inner.
/// </summary>
public sealed class TelegramTransportException : Exception
{
    public TelegramTransportException(string method, string message, HttpStatusCode? statusCode = null, bool isTimeout = false)
        : base($"Bot API {method}: {message}")
    {
        Method = method;
        StatusCode = statusCode;
        IsTimeout = isTimeout;
    }

    public string Method { get; }

    /// <summary>The HTTP status when a response arrived but was not a Bot API answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    public bool IsTimeout { get; }
}
