using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Timpora.Core.Collective;
using Timpora.Core.Conversations;
using Timpora.Core.Delivery;
using Timpora.Core.Officers;
using Timpora.Core.Reports;
using Timpora.Core.Visits;

namespace Timpora.Core.Storage;

/// <summary>
/// The one database of the service. The mapping is provider-neutral (SQLite by default, PostgreSQL for
/// scale-out); the provider and the hand-written migrations live in the Bot project.
/// </summary>
public sealed class TimporaDb(DbContextOptions<TimporaDb> options) : DbContext(options)
{
    /// <summary>
    /// The width of a column that holds one typed answer. Forms count what people see (text elements), which says
    /// nothing about storage: one emoji or accented letter can be many UTF-16 units. What bounds a typed answer is the
    /// engine's limit on a whole message.
    /// </summary>
    public const int TypedAnswer = ConversationEngine.MaxIncomingText;

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<InboxEntry> Inbox => Set<InboxEntry>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<SlotLoad> SlotLoads => Set<SlotLoad>();

    public DbSet<ClosedDay> ClosedDays => Set<ClosedDay>();

    public DbSet<Officer> Officers => Set<Officer>();

    public DbSet<OfficerInvite> OfficerInvites => Set<OfficerInvite>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportEntry> ReportEntries => Set<ReportEntry>();

    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionOfficer> SessionOfficers => Set<SessionOfficer>();

    public DbSet<Applicant> Applicants => Set<Applicant>();

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

        modelBuilder.Entity<Visit>(v =>
        {
            v.ToTable("visits");
            v.HasKey(x => x.Id);
            v.Property(x => x.Code).HasMaxLength(16);
            v.HasIndex(x => x.Code).IsUnique();
            v.Property(x => x.Channel).HasMaxLength(32);
            v.Property(x => x.ChatKey).HasMaxLength(256);
            v.HasIndex(x => new { x.Channel, x.ChatKey });
            v.Property(x => x.ReasonNote).HasMaxLength(TypedAnswer);
            v.Property(x => x.Address).HasMaxLength(500);
            v.Property(x => x.PlaceDetails).HasMaxLength(TypedAnswer);
            v.Property(x => x.ApplicantName).HasMaxLength(TypedAnswer);
            v.Property(x => x.Nik).HasMaxLength(16);
            v.Property(x => x.Phone).HasMaxLength(16);
            v.Property(x => x.LetterPhotoId).HasMaxLength(256);
            v.HasIndex(x => new { x.Date, x.Status });
            v.Property(x => x.Version).IsConcurrencyToken();
            v.Ignore(x => x.Citizen);
            v.Ignore(x => x.Slot);
            v.Ignore(x => x.Point);
        });

        modelBuilder.Entity<SlotLoad>(l =>
        {
            l.ToTable("slot_loads");
            l.HasKey(x => new { x.Date, x.Starts });
            l.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ClosedDay>(d =>
        {
            d.ToTable("closed_days");
            d.HasKey(x => x.Date);
        });

        modelBuilder.Entity<Officer>(o =>
        {
            o.ToTable("officers");
            o.HasKey(x => x.Id);
            o.Property(x => x.Name).HasMaxLength(100);
            o.Property(x => x.Channel).HasMaxLength(32);
            o.Property(x => x.ChatKey).HasMaxLength(256);
            o.HasIndex(x => new { x.Channel, x.ChatKey });
            o.Ignore(x => x.Address);
        });

        modelBuilder.Entity<OfficerInvite>(i =>
        {
            i.ToTable("officer_invites");
            i.HasKey(x => x.Id);
            i.Property(x => x.CodeHash).HasMaxLength(64);
            i.HasIndex(x => x.CodeHash).IsUnique();
            i.Property(x => x.Name).HasMaxLength(100);
        });

        modelBuilder.Entity<Report>(r =>
        {
            r.ToTable("reports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Number).HasMaxLength(16);
            r.HasIndex(x => x.Number).IsUnique();
            r.Property(x => x.ReceiptHash).HasMaxLength(64);
            r.HasIndex(x => x.ReceiptHash).IsUnique();
            r.Property(x => x.Text).HasMaxLength(8000);
            r.Property(x => x.PlaceText).HasMaxLength(300);
            r.Property(x => x.Region).HasMaxLength(100);
            r.Property(x => x.Nationality).HasMaxLength(TypedAnswer);
            r.HasIndex(x => new { x.Status, x.Category });
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.Point);
            r.Ignore(x => x.IsOpen);
            r.Ignore(x => x.NextStatuses);
        });

        modelBuilder.Entity<ReportEntry>(e =>
        {
            e.ToTable("report_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Text).HasMaxLength(8000);
            e.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.IsInternal);
        });

        modelBuilder.Entity<ReportPhoto>(p =>
        {
            p.ToTable("report_photos");
            p.HasKey(x => x.Id);
            p.Property(x => x.MimeType).HasMaxLength(32);
            p.HasOne(x => x.Report).WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Session>(s =>
        {
            s.ToTable("sessions");
            s.HasKey(x => x.Id);
            s.Property(x => x.Code).HasMaxLength(16);
            s.HasIndex(x => x.Code).IsUnique();
            s.Property(x => x.Channel).HasMaxLength(32);
            s.Property(x => x.ChatKey).HasMaxLength(256);
            s.HasIndex(x => new { x.Channel, x.ChatKey });
            s.Property(x => x.OrganisationName).HasMaxLength(TypedAnswer);
            s.Property(x => x.CoordinatorName).HasMaxLength(TypedAnswer);
            s.Property(x => x.CoordinatorPhone).HasMaxLength(16);
            s.Property(x => x.Address).HasMaxLength(500);
            s.Property(x => x.VenueDetails).HasMaxLength(TypedAnswer);
            s.Property(x => x.Preferred).HasMaxLength(64);
            s.Property(x => x.DeclineReason).HasMaxLength(TypedAnswer);
            s.HasIndex(x => new { x.Status, x.Date });
            s.Property(x => x.Version).IsConcurrencyToken();
            s.Ignore(x => x.Coordinator);
            s.Ignore(x => x.Point);
            s.Ignore(x => x.PreferredDates);
            s.Ignore(x => x.IsOpen);
        });

        modelBuilder.Entity<SessionOfficer>(o =>
        {
            o.ToTable("session_officers");
            o.HasKey(x => new { x.SessionId, x.OfficerId });
            o.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            o.HasIndex(x => x.OfficerId);
        });

        modelBuilder.Entity<Applicant>(a =>
        {
            a.ToTable("applicants");
            a.HasKey(x => x.Id);
            a.Property(x => x.FullName).HasMaxLength(TypedAnswer);
            a.Property(x => x.Nik).HasMaxLength(16);
            a.Property(x => x.Phone).HasMaxLength(16);
            a.Property(x => x.Channel).HasMaxLength(32);
            a.Property(x => x.ChatKey).HasMaxLength(256);

            // One NIK once per roster, whatever races; across open rosters the check is in Sessions.AddAsync.
            a.HasIndex(x => new { x.SessionId, x.Nik }).IsUnique();
            a.HasIndex(x => x.Nik);
            a.HasIndex(x => new { x.Channel, x.ChatKey });
            a.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
            a.Ignore(x => x.Chat);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
