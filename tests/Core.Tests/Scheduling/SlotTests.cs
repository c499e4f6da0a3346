using Timpora.Core.Scheduling;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Scheduling;

public sealed class SlotTests
{
    private static readonly List<VisitWindow> Windows = Some.JemputBola().Windows;

    [Fact]
    public void Names_a_slot_by_date_and_start()
    {
        var slot = new Slot(new DateOnly(2026, 1, 5), new TimeOnly(9, 0), new TimeOnly(11, 0));

        Assert.Equal("20260105-0900", slot.Key);
    }

    [Theory]
    [InlineData(2026, 1, 5, 9)]
    [InlineData(2026, 12, 31, 13)]
    [InlineData(2027, 2, 28, 9)]
    public void Reads_its_own_key_back(int year, int month, int day, int hour)
    {
        var window = Windows.Single(w => w.Starts.Hour == hour);
        var slot = new Slot(new DateOnly(year, month, day), window.Starts, window.Ends);

        var parsed = Slot.TryParseKey(slot.Key, Windows, out var back);

        Assert.True(parsed);
        Assert.Equal(slot, back);
    }

    [Fact]
    public void Takes_the_end_of_the_window_from_the_configuration()
    {
        Assert.True(Slot.TryParseKey("20260105-1300", Windows, out var slot));

        Assert.Equal(new TimeOnly(15, 0), slot.Ends);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20260105-1000")]
    [InlineData("20260105-0901")]
    [InlineData("20261345-0900")]
    [InlineData("20260230-0900")]
    [InlineData("20260105-2500")]
    [InlineData("20260105-0900x")]
    [InlineData("20260105-09000")]
    [InlineData(" 20260105-0900")]
    [InlineData("20260105-0900 ")]
    [InlineData("20260105_0900")]
    [InlineData("2026015-0900")]
    [InlineData("20260105-09:0")]
    [InlineData("+0260105-0900")]
    [InlineData("2026010５-0900")]
    [InlineData("20260105-0900;drop")]
    public void Refuses_a_forged_or_stale_key(string? key)
    {
        Assert.False(Slot.TryParseKey(key, Windows, out var slot));
        Assert.Null(slot);
    }
}
