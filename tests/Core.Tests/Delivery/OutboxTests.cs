using Microsoft.EntityFrameworkCore;
using Timpora.Core.Delivery;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;
using Timpora.Testing;

namespace Timpora.Core.Tests.Delivery;

public sealed class OutboxTests : IDisposable
{
    private static readonly ConversationAddress Siti = new(Channel.Telegram, "5551234567");

    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Some.Now);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Queues_a_message_for_its_address_to_send_now()
    {
        var message = new OutgoingMessage { Text = "<b>Halo</b>", Buttons = [[new Button("Informasi", "v1:menu:info")]] };

        Enqueue(Siti, message);

        var row = Assert.Single(Rows());
        Assert.Equal(Channel.Telegram, row.Channel);
        Assert.Equal("5551234567", row.ChatKey);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(Some.Now.UtcDateTime, row.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, row.NextAttemptAt.Kind);
        Assert.Equal(Some.Now.UtcDateTime, row.NextAttemptAt);
        Assert.Null(row.IdempotencyKey);
        var stored = MessageJson.Read<OutgoingMessage>(row.Message!);
        Assert.Equal("<b>Halo</b>", stored.Text);
        Assert.Equal("v1:menu:info", Assert.Single(Assert.Single(stored.Buttons)).Payload);
    }

    [Fact]
    public void Writes_nothing_until_the_caller_saves()
    {
        using var db = _database.NewDb();
        var outbox = new Outbox(db, _clock);

        outbox.Enqueue(Siti, OutgoingMessage.Say("Halo"));

        Assert.Empty(Rows());
        db.SaveChanges();
        Assert.Single(Rows());
    }

    [Fact]
    public void Sends_a_long_text_as_several_messages_with_the_buttons_on_the_last()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"<b>{i}.</b> " + string.Concat(Enumerable.Repeat("syarat paspor ", 18))));
        var message = new OutgoingMessage
        {
            Text = text,
            Buttons = [[new Button("Topik lain", "v1:info:topics")]],
            Keyboard = ReplyKeyboard.Removed,
        };

        Enqueue(Siti, message);

        var parts = Rows().Select(r => MessageJson.Read<OutgoingMessage>(r.Message!)).ToList();
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Text!.Length, 1, Outbox.MaxTextLength));
        Assert.All(parts.SkipLast(1), p => Assert.Empty(p.Buttons));
        Assert.All(parts.SkipLast(1), p => Assert.Null(p.Keyboard));
        Assert.Equal("v1:info:topics", Assert.Single(Assert.Single(parts[^1].Buttons)).Payload);
        Assert.True(parts[^1].Keyboard?.Remove);
        Assert.Equal(WithoutWhitespace(text), WithoutWhitespace(string.Concat(parts.Select(p => p.Text))));
    }

    [Fact]
    public void Numbers_the_idempotency_keys_of_the_parts()
    {
        var text = string.Concat(Enumerable.Repeat("jadwal petugas hari ini ", 500));

        Enqueue(Siti, OutgoingMessage.Say(text), "visit:42:reminder:day-before");

        Assert.Equal(
            ["visit:42:reminder:day-before", "visit:42:reminder:day-before#1", "visit:42:reminder:day-before#2"],
            Rows().Select(r => r.IdempotencyKey));
    }

    [Fact]
    public void Refuses_to_queue_the_same_notification_twice()
    {
        Enqueue(Siti, OutgoingMessage.Say("Besok petugas datang pukul 09.00."), "visit:42:reminder:day-before");

        Assert.Throws<DbUpdateException>(() => Enqueue(Siti, OutgoingMessage.Say("Besok petugas datang pukul 09.00."), "visit:42:reminder:day-before"));

        Assert.Single(Rows());
    }

    [Fact]
    public void Forgets_the_address_and_text_once_sent_but_keeps_the_idempotency_key()
    {
        Enqueue(Siti, OutgoingMessage.Say("Halo"), "visit:42:reminder:day-before");

        using (var db = _database.NewDb())
        {
            db.Outbox.Single().MarkSent();
            db.SaveChanges();
        }


        var row = Assert.Single(Rows());
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Null(row.ChatKey);
        Assert.Null(row.Message);
        Assert.Equal(1, row.Attempts);
        Assert.Equal("visit:42:reminder:day-before", row.IdempotencyKey);
    }

    private void Enqueue(ConversationAddress to, OutgoingMessage message, string? idempotencyKey = null)
    {
        using var db = _database.NewDb();
        new Outbox(db, _clock).Enqueue(to, message, idempotencyKey);
        db.SaveChanges();
    }

    private static string WithoutWhitespace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private List<OutboxMessage> Rows()
    {
        using var db = _database.NewDb();
        return [.. db.Outbox.AsNoTracking().OrderBy(o => o.Id)];
    }
}
