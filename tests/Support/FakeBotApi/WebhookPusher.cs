using System.Net.Http.Headers;
using System.Text;

namespace Timpora.Testing;

internal sealed record WebhookTarget(Uri Url, string? SecretToken, int MaxConnections);

/// <summary>
/// Pushes queued updates to the webhook like Telegram: one request per update, at most one in flight per chat
/// (so a chat's updates arrive in order), up to max_connections in flight overall, non-2xx retried a few times.
/// </summary>
internal sealed class WebhookPusher : IAsyncDisposable
{
    private readonly UpdateQueue _queue;
    private readonly FakeBotApiOptions _options;
    private readonly Func<TimeSpan> _clock;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<long> _inFlight = [];
    private readonly HashSet<long> _busyChats = [];
    private readonly List<Task> _deliveries = [];
    private readonly List<WebhookDelivery> _log = [];
    private readonly Signal _kick = new();
    private readonly Task _loop;
    private WebhookTarget? _target;

    public WebhookPusher(UpdateQueue queue, FakeBotApiOptions options, Func<TimeSpan> clock)
    {
        _queue = queue;
        _options = options;
        _clock = clock;
        // No proxy and no redirects: a webhook is a loopback address and must stay one.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        _loop = Task.Run(RunAsync);
    }

    public Signal Delivered { get; } = new();

    public string? LastErrorMessage { get; private set; }

    public long? LastErrorDate { get; private set; }

    public WebhookTarget? Target
    {
        get
        {
            lock (_gate)
            {
                return _target;
            }
        }
        set
        {
            lock (_gate)
            {
                _target = value;
                LastErrorMessage = null;
                LastErrorDate = null;
            }
            _kick.Pulse();
        }
    }

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return _log.ToArray();
            }
        }
    }

    public void ClearLog()
    {
        lock (_gate)
        {
            _log.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _loop;
        Task[] running;
        lock (_gate)
        {
            running = _deliveries.ToArray();
        }
        await Task.WhenAll(running);
        _http.Dispose();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            var queueChanged = _queue.Changed.Next;
            var kicked = _kick.Next;
            StartDeliveries();
            try
            {
                await Task.WhenAny(queueChanged, kicked).WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void StartDeliveries()
    {
        lock (_gate)
        {
            _deliveries.RemoveAll(t => t.IsCompleted);
            if (_target is not { } target)
            {
                return;
            }
            var claimedChats = new HashSet<long>(_busyChats);
            foreach (var update in _queue.Peek(int.MaxValue))
            {
                if (_inFlight.Count >= target.MaxConnections)
                {
                    break;
                }
                if (_inFlight.Contains(update.UpdateId) || (update.ChatId is long chat && !claimedChats.Add(chat)))
                {
                    continue;
                }
                _inFlight.Add(update.UpdateId);
                if (update.ChatId is long busy)
                {
                    _busyChats.Add(busy);
                }
                _deliveries.Add(Task.Run(() => DeliverAsync(update, target)));
            }
        }
    }

    private async Task DeliverAsync(PendingUpdate update, WebhookTarget target)
    {
        var stopping = _stopping.Token;
        var finished = false;
        try
        {
            for (var attempt = 1; attempt <= _options.WebhookMaxAttempts; attempt++)
            {
                if (attempt > 1)
                {
                    await Task.Delay(_options.WebhookRetryDelay, stopping);
                }
                if (!ReferenceEquals(Target, target))
                {
                    // The webhook was changed or deleted: the update stays queued for whoever comes next.
                    return;
                }
                var delivery = await PostAsync(update, target, attempt, stopping);
                lock (_gate)
                {
                    _log.Add(delivery);
                    if (!delivery.Succeeded)
                    {
                        LastErrorMessage = delivery.Error ?? $"Wrong response from the webhook: {delivery.StatusCode}";
                        LastErrorDate = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
                    }
                }
                if (delivery.Succeeded)
                {
                    break;
                }
            }
            // Delivered, or given up after the last attempt: either way Telegram forgets the update.
            finished = true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The fake is stopping.
        }
        finally
        {
            if (finished)
            {
                _queue.Remove(update.UpdateId);
            }
            lock (_gate)
            {
                _inFlight.Remove(update.UpdateId);
                if (update.ChatId is long chat)
                {
                    _busyChats.Remove(chat);
                }
            }
            Delivered.Pulse();
            _kick.Pulse();
        }
    }

    private async Task<WebhookDelivery> PostAsync(PendingUpdate update, WebhookTarget target, int attempt, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
        request.Content = new StringContent(update.Json.ToJsonString(FakeBotApiJson.Options), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (target.SecretToken is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", target.SecretToken);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.WebhookTimeout);
        try
        {
            using var response = await _http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new WebhookDelivery(update.UpdateId, attempt, (int)response.StatusCode, body, null, _clock());
        }
        catch (HttpRequestException e)
        {
            return new WebhookDelivery(update.UpdateId, attempt, null, null, e.Message, _clock());
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new WebhookDelivery(update.UpdateId, attempt, null, null, "Read timeout expired", _clock());
        }
    }
}
