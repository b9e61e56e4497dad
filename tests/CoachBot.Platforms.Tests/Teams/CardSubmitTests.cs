using System.Text.Json;
using CoachBot.Platforms.Teams;

namespace CoachBot.Platforms.Tests.Teams;

public sealed class CardSubmitTests
{
    [Fact]
    public void ReadsASubmitMessagesValue()
    {
        var submit = CardSubmit.FromMessage(Parse("""{"type":"message","value":{"actionId":"nudge.rate","value":"d-1:4"}}"""));

        Assert.Equal(new CardSubmit("nudge.rate", "d-1:4", null), submit);
    }

    [Fact]
    public void ReadsAnExecuteInvokesData()
    {
        var submit = CardSubmit.FromInvoke(Parse("""
            {"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"esc.ack","data":{"actionId":"esc.ack","value":"E-4"}}}}
            """));

        Assert.Equal(new CardSubmit("esc.ack", "E-4", null), submit);
    }

    [Fact]
    public void AMessageWithoutCoachBotDataIsNotASubmit()
    {
        Assert.Null(CardSubmit.FromMessage(Parse("""{"type":"message","text":"hi","value":{"other":"x"}}""")));
    }

    private static Activity Parse(string json) => JsonSerializer.Deserialize<Activity>(json, TeamsJson.Options)!;
}
