using Timpora.Core.Messaging;
using Timpora.Core.Privacy;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Privacy;

public sealed class PseudonymsTests
{
    private static readonly ConversationAddress Siti = new(Channel.Telegram, "5551234567");

    [Fact]
    public void Gives_the_same_address_the_same_pseudonym_every_time()
    {
        var first = new Pseudonyms(Some.PseudonymKey()).Of(Siti);

        var second = new Pseudonyms(Some.PseudonymKey()).Of(new ConversationAddress(Channel.Telegram, "5551234567"));

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
        Assert.DoesNotContain("5551234567", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Gives_another_chat_another_pseudonym()
    {
        var pseudonyms = new Pseudonyms(Some.PseudonymKey());

        var other = pseudonyms.Of(Siti with { Key = "5551234568" });

        Assert.NotEqual(pseudonyms.Of(Siti), other);
    }

    [Fact]
    public void Gives_the_same_key_on_another_channel_another_pseudonym()
    {
        var pseudonyms = new Pseudonyms(Some.PseudonymKey());

        var other = pseudonyms.Of(Siti with { Channel = Channel.Console });

        Assert.NotEqual(pseudonyms.Of(Siti), other);
    }

    [Fact]
    public void Gives_another_pseudonym_under_another_key()
    {
        var key = Some.PseudonymKey();
        key[0] ^= 0xFF;

        var other = new Pseudonyms(key).Of(Siti);

        Assert.NotEqual(new Pseudonyms(Some.PseudonymKey()).Of(Siti), other);
    }

    [Fact]
    public void Refuses_a_key_shorter_than_32_bytes()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pseudonyms(new byte[31]));

        Assert.Equal("key", error.ParamName);
    }

    [Fact]
    public void Refuses_no_key()
    {
        Assert.Throws<ArgumentNullException>(() => new Pseudonyms(null!));
    }
}
