using Timpora.Core.Delivery;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Delivery;

public sealed class InboxEntryTests
{
    [Fact]
    public void Keeps_only_the_update_id_once_done()
    {
        var entry = new InboxEntry("telegram", "700123", "a1b2", """{"text":"halo"}""", Some.Now.UtcDateTime);

        entry.MarkDone();

        Assert.True(entry.Done);
        Assert.Null(entry.Message);
        Assert.Null(entry.ConversationKey);
        Assert.Equal("telegram", entry.Channel);
        Assert.Equal("700123", entry.UpdateId);
    }
}
