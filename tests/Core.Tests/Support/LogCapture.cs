using Microsoft.Extensions.Logging;

namespace Timpora.Core.Tests.Support;

/// <summary>Every log line the services write, "Level: message exception", so tests can look for leaks and warnings.</summary>
public sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IEnumerable<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)}{exception}");
    }

    public void Dispose()
    {
    }
}
