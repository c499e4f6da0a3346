using Timpora.Core.Conversations;
using Timpora.Core.Messaging;
using Timpora.Core.Tests.Support;

namespace Timpora.Core.Tests.Conversations;

public sealed class TurnTests
{
    private static readonly IncomingMessage Hello = new(new ConversationAddress(Channel.Telegram, "1001"), IncomingKind.Text) { Text = "halo" };

    [Fact]
    public void Gives_a_flow_back_the_state_it_left()
    {
        var conversation = NewConversation();
        var flow = new DraftFlow(1);
        NewTurn(conversation).Stay(flow, new Draft("Siti", 3));

        var state = NewTurn(conversation).State<Draft>(flow);

        Assert.Equal(new Draft("Siti", 3), state);
        Assert.Equal("draft", conversation.Flow);
    }

    [Fact]
    public void Gives_no_state_of_another_flow()
    {
        var conversation = NewConversation();
        NewTurn(conversation).Stay(new DraftFlow(1, "other"), new Draft("Siti", 3));

        var state = NewTurn(conversation).State<Draft>(new DraftFlow(1));

        Assert.Null(state);
    }

    [Fact]
    public void Drops_a_state_of_an_older_shape()
    {
        var conversation = NewConversation();
        NewTurn(conversation).Stay(new DraftFlow(1), new Draft("Siti", 3));

        var state = NewTurn(conversation).State<Draft>(new DraftFlow(2));

        Assert.Null(state);
    }

    [Fact]
    public void Drops_a_state_it_cannot_read()
    {
        var conversation = NewConversation();
        conversation.Enter("draft", "{not json");

        var state = NewTurn(conversation).State<Draft>(new DraftFlow(1));

        Assert.Null(state);
    }

    [Fact]
    public void Ends_a_flow_with_its_state_and_buttons()
    {
        var conversation = NewConversation();
        NewTurn(conversation).Stay(new DraftFlow(1), new Draft("Siti", 3));
        conversation.Choices = "{}";

        NewTurn(conversation).End();

        Assert.Null(conversation.Flow);
        Assert.Null(conversation.FlowState);
        Assert.Null(conversation.Choices);
    }

    [Fact]
    public async Task Says_texts_in_the_conversations_language()
    {
        var conversation = NewConversation();
        conversation.Language = Language.English;
        var turn = NewTurn(conversation);

        turn.Say("Input.TooLong", 4096);
        await turn.SayStaleAsync(CancellationToken.None);

        Assert.Equal(
            [Texts.Format(Language.English, "Input.TooLong", 4096), Texts.Get(Language.English, "Input.StaleButton")],
            turn.Replies.Said());
    }

    private static Conversation NewConversation() => new("abc", Language.Indonesian, Some.Now.UtcDateTime);

    private static Turn NewTurn(Conversation conversation) =>
        new(Hello, conversation, Some.Now, (_, _, _) => Task.CompletedTask, (_, _, _) => Task.CompletedTask);

    public sealed record Draft(string Name, int People);

    private sealed class DraftFlow(int stateVersion, string name = "draft") : IFlow
    {
        public string Name => name;

        public IReadOnlyList<string> Commands => [];

        public int StateVersion => stateVersion;

        public Task StartAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

        public Task ContinueAsync(Turn turn, CancellationToken ct) => Task.CompletedTask;

        public Task PressAsync(Turn turn, ButtonPress press, CancellationToken ct) => Task.CompletedTask;
    }
}
