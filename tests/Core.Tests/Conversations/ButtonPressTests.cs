using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Conversations;

public sealed class ButtonPressTests
{
    [Fact]
    public void Builds_a_versioned_payload()
    {
        var payload = ButtonPress.Payload("jb", "slot", "20260105", "0900");

        Assert.Equal("v1:jb:slot:20260105:0900", payload);
    }

    [Fact]
    public void Reads_back_the_flow_the_action_and_the_arguments()
    {
        var button = ButtonPress.Button("09.00–11.00", "jb", "slot", "20260105", "0900");

        var parsed = ButtonPress.TryParse(button.Payload, out var press);

        Assert.True(parsed);
        Assert.Equal("jb", press!.Flow);
        Assert.Equal("slot", press.Action);
        Assert.Equal(["20260105", "0900"], press.Args);
        Assert.Equal("09.00–11.00", button.Label);
    }

    [Fact]
    public void Reads_a_payload_without_arguments()
    {
        var parsed = ButtonPress.TryParse("v1:menu:info", out var press);

        Assert.True(parsed);
        Assert.Equal(new ButtonPress("menu", "info", []).Flow, press!.Flow);
        Assert.Equal("info", press.Action);
        Assert.Empty(press.Args);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v0:menu:info")]
    [InlineData("V1:menu:info")]
    [InlineData("menu:info")]
    [InlineData("v1:menu")]
    [InlineData("v1::info")]
    [InlineData("v1:menu:")]
    [InlineData("v1:jb:slot::0900")]
    [InlineData("v1:menu:info:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Refuses_a_payload_that_is_not_ours(string? payload)
    {
        var parsed = ButtonPress.TryParse(payload, out var press);

        Assert.False(parsed);
        Assert.Null(press);
    }

    [Fact]
    public void Takes_a_payload_of_exactly_64_bytes()
    {
        var payload = "v1:menu:info:" + new string('a', 51);

        var parsed = ButtonPress.TryParse(payload, out _);

        Assert.Equal(64, payload.Length);
        Assert.True(parsed);
    }

    [Fact]
    public void Refuses_a_payload_over_64_bytes_even_with_fewer_characters()
    {
        var payload = "v1:menu:info:" + new string('é', 26) + "x";

        var parsed = ButtonPress.TryParse(payload, out _);

        Assert.Equal(66, System.Text.Encoding.UTF8.GetByteCount(payload));
        Assert.False(parsed);
    }

    [Fact]
    public void Refuses_to_make_a_button_whose_payload_is_over_64_bytes_of_multi_byte_text()
    {
        var payload = "v1:x:" + new string('é', 30);

        var error = Assert.Throws<ArgumentException>(() => new Button("Pilih", payload));

        Assert.Equal(35, payload.Length);
        Assert.Equal("payload", error.ParamName);
    }

    [Fact]
    public void Makes_a_button_whose_payload_is_exactly_64_bytes_of_multi_byte_text()
    {
        var payload = "v1:x:" + new string('é', 29) + "a";

        var button = new Button("Pilih", payload);

        Assert.Equal(payload, button.Payload);
    }

    [Theory]
    [InlineData("", "v1:menu:info")]
    [InlineData(" ", "v1:menu:info")]
    [InlineData("Informasi", "")]
    public void Refuses_a_button_without_a_label_or_a_payload(string label, string payload)
    {
        Assert.ThrowsAny<ArgumentException>(() => new Button(label, payload));
    }

    [Fact]
    public void Refuses_to_build_a_button_whose_arguments_make_it_too_long()
    {
        Assert.Throws<ArgumentException>(() => ButtonPress.Button("Jadwal", "jb", "slot", new string('9', 60)));
    }
}
