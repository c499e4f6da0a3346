using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;

namespace Timpora.Core.Storage;

/// <summary>
/// The one database of the service. The mapping is provider-neutral (SQLite by default, PostgreSQL for
/// scale-out); the provider and the hand-written migrations live in the Bot project.
/// </summary>
public sealed class TimporaDb(DbContextOptions<TimporaDb> options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Instants are stored as UTC and must come back as UTC, whatever the provider does with DateTime.Kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Conversation>(c =>
        {
            c.ToTable("conversations");
            c.HasKey(x => x.Id);
            c.Property(x => x.Pseudonym).HasMaxLength(64);
            c.HasIndex(x => x.Pseudonym).IsUnique();
            c.Property(x => x.Flow).HasMaxLength(32);
            c.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<InboxEntry>(i =>
        {
            i.ToTable("inbox");
            i.HasKey(x => x.Id);
            i.Property(x => x.Channel).HasMaxLength(32);
            i.Property(x => x.UpdateId).HasMaxLength(128);
            i.Property(x => x.ConversationKey).HasMaxLength(64);
            i.HasIndex(x => new { x.Channel, x.UpdateId }).IsUnique();
            i.HasIndex(x => x.Done);
        });

        modelBuilder.Entity<OutboxMessage>(o =>
        {
            o.ToTable("outbox");
            o.HasKey(x => x.Id);
            o.Property(x => x.Channel).HasMaxLength(32);
            o.Property(x => x.ChatKey).HasMaxLength(256);
            o.Property(x => x.IdempotencyKey).HasMaxLength(200);
            o.HasIndex(x => x.IdempotencyKey).IsUnique();
            o.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
