using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Core.Tests.Conversations;

public sealed class ChoicesTests
{
    private static readonly OutgoingMessage Question = new()
    {
        Text = "Pilih",
        Buttons =
        [
            [ButtonPress.Button("Jemput Bola", "menu", "jb"), ButtonPress.Button("Informasi", "menu", "info")],
            [ButtonPress.Button("2026", "jb", "year", "2026")],
        ],
    };

    [Fact]
    public void Lists_the_buttons_row_by_row()
    {
        var choices = Choices.From(Question, byNumber: true);

        Assert.Equal(
            [new Choice("Jemput Bola", "v1:menu:jb"), new Choice("Informasi", "v1:menu:info"), new Choice("2026", "v1:jb:year:2026", Row: 1)],
            choices!.Items);
        Assert.True(choices.ByNumber);
    }

    [Fact]
    public void Shows_the_same_buttons_again_in_the_same_rows()
    {
        var rows = Choices.From(Question, byNumber: true)!.Rows();

        Assert.Equal(
            Question.Buttons.Select(row => row.Select(b => (b.Label, b.Payload))),
            rows.Select(row => row.Select(b => (b.Label, b.Payload))));
    }

    [Fact]
    public void Has_no_choices_for_a_message_without_buttons()
    {
        var choices = Choices.From(OutgoingMessage.Say("Halo"), byNumber: true);

        Assert.Null(choices);
    }

    [Theory]
    [InlineData("1", "v1:menu:jb")]
    [InlineData("2", "v1:menu:info")]
    [InlineData(" 3 ", "v1:jb:year:2026")]
    public void Takes_a_number_for_the_button_in_that_place(string typed, string payload)
    {
        var choices = Choices.From(Question, byNumber: true)!;

        Assert.Equal(payload, choices.Match(typed));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public void Takes_no_number_outside_the_buttons(string typed)
    {
        var choices = Choices.From(Question, byNumber: true)!;

        Assert.Null(choices.Match(typed));
    }

    [Fact]
    public void Ignores_numbers_where_a_number_is_itself_an_answer()
    {
        var choices = Choices.From(Question, byNumber: false)!;

        Assert.Null(choices.Match("2"));
        Assert.Equal("v1:jb:year:2026", choices.Match("2026"));
    }

    [Theory]
    [InlineData("Informasi")]
    [InlineData("informasi")]
    [InlineData("  INFORMASI  ")]
    public void Takes_a_label_in_any_case(string typed)
    {
        var choices = Choices.From(Question, byNumber: true)!;

        Assert.Equal("v1:menu:info", choices.Match(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Informasi kantor")]
    [InlineData("Jemput")]
    public void Matches_nothing_else(string? typed)
    {
        var choices = Choices.From(Question, byNumber: true)!;

        Assert.Null(choices.Match(typed));
    }

    [Fact]
    public void Survives_being_stored_with_the_conversation()
    {
        var choices = Choices.From(Question, byNumber: false)!;

        var restored = MessageJson.Read<Choices>(MessageJson.Write(choices));

        Assert.Equal(choices.Items, restored.Items);
        Assert.False(restored.ByNumber);
        Assert.Equal("v1:menu:jb", restored.Match("jemput bola"));
    }
}
