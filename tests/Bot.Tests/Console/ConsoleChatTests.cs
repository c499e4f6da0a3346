using Timpora.Bot.Console;
using Timpora.Bot.Tests.Support;
using Timpora.Core.Conversations;
using Timpora.Core.Messaging;

namespace Timpora.Bot.Tests.Console;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task A_terminal_conversation_shows_numbered_buttons_and_takes_a_number_for_a_press()
    {
        var output = new StringWriter();
        var input = new StringReader("/start\n5\n5\n/quit\n");
        var folder = BotHost.NewFolder();

        await using (var host = await BotHost.StartAsync(api: null, folder: folder, verb: "chat", configure: b => b.Services.AddSingleton(new ConsoleIo(input, output))))
        {
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            await Task.Delay(TimeSpan.FromSeconds(20), lifetime.ApplicationStopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        var screen = output.ToString();
        Assert.Contains("[5] " + Texts.Get(Language.Indonesian, "Menu.Information"), screen, StringComparison.Ordinal);
        Assert.Contains("[1] " + Texts.Get(Language.Indonesian, "Info.Topic.Passport"), screen, StringComparison.Ordinal);
        Assert.Contains("Jl. Warung Jaud No. 82", screen, StringComparison.Ordinal);
        Assert.Contains("[pin]", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", screen, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/start abc", IncomingKind.Command)]
    [InlineData("lokasi -6.12, 106.15", IncomingKind.Location)]
    [InlineData("kontak 0812 3456 7890", IncomingKind.Contact)]
    [InlineData("besok pagi", IncomingKind.Text)]
    public void Reads_a_typed_line_as_what_a_phone_would_send(string line, IncomingKind kind)
    {
        var message = ConsoleChat.Read(line);

        Assert.Equal(kind, message.Kind);
    }

    [Fact]
    public void Reads_the_command_and_its_argument()
    {
        var message = ConsoleChat.Read("/START kode123");

        Assert.Equal("start", message.Command);
        Assert.Equal("kode123", message.CommandArgument);
    }

    [Fact]
    public void Renders_html_as_plain_text_with_entities_decoded()
    {
        var screen = ConsoleChannel.Render(new OutgoingMessage { Text = "<b>Biaya</b> &amp; syarat &lt;A4&gt;" });

        Assert.Contains("Biaya & syarat <A4>", screen, StringComparison.Ordinal);
    }
}
