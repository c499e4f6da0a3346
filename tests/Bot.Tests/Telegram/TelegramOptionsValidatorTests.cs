using Timpora.Bot.Telegram;

namespace Timpora.Bot.Tests.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private const string Token = StubHttpHandler.Token;

    private static readonly TelegramOptionsValidator Validator = new();

    [Fact]
    public void Accepts_the_defaults_with_the_channel_off()
    {
        var options = new TelegramOptions();

        var result = Validator.Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.Enabled);
        Assert.False(options.UsesWebhook);
    }

    [Fact]
    public void Accepts_a_real_looking_token_for_long_polling()
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\n")]
    [InlineData("bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw")]
    [InlineData("123456789:AAHdqTcv CH1vGWJxfSeofSAs0K5PALDsaw")]
    public void Names_the_key_of_a_malformed_token_without_showing_it(string token)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = token });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:BotToken", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains($"{token.Length} characters", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("AAHdqTcv", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.telegram.org")]
    [InlineData("ftp://api.telegram.org")]
    [InlineData("/local")]
    public void Names_the_key_of_an_api_url_that_is_not_absolute_http(string url)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, ApiBaseUrl = url });

        Assert.Contains("Telegram:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_echo_a_token_pasted_into_the_wrong_key()
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, ApiBaseUrl = $"api.telegram.org/bot{Token}" });

        Assert.Contains("Telegram:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("AAHdqTcv", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://bot.example.go.id/telegram")]
    [InlineData("https://bot.example.go.id:8443/telegram")]
    [InlineData("http://127.0.0.1:5080/telegram")]
    [InlineData("http://localhost:5080/telegram")]
    public void Accepts_an_https_webhook_or_a_loopback_one_for_tests(string url)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, WebhookUrl = url, WebhookSecret = "Abc_123-xyz" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://bot.example.go.id/telegram")]
    [InlineData("https://bot.example.go.id:5000/telegram")]
    [InlineData("telegram")]
    public void Names_the_key_of_a_webhook_url_telegram_cannot_use(string url)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, WebhookUrl = url, WebhookSecret = "Abc_123-xyz" });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:WebhookUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has spaces and a dollar $ign")]
    public void Requires_a_well_formed_secret_with_a_webhook_and_never_shows_it(string? secret)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, WebhookUrl = "https://bot.example.go.id/telegram", WebhookSecret = secret });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("dollar", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_secret_longer_than_256_characters()
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, WebhookUrl = "https://bot.example.go.id/telegram", WebhookSecret = new string('a', 257) });

        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void Names_the_key_of_a_poll_timeout_out_of_range(int seconds)
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = Token, PollTimeoutSeconds = seconds });

        Assert.Contains("Telegram:PollTimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var result = Validator.Validate(null, new TelegramOptions { BotToken = "nope", ApiBaseUrl = "nope", PollTimeoutSeconds = 99 });

        Assert.Equal(3, result.Failures?.Count());
    }
}
