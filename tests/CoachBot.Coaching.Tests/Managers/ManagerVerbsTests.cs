using CoachBot.Coaching.Managers;
using static CoachBot.Coaching.Managers.ManagerCommand;

namespace CoachBot.Coaching.Tests.Managers;

// The parser's verb list is the one every platform uses; it must match what Parse and the usage lines know.
public sealed class ManagerVerbsTests
{
    public static TheoryData<string> Verbs => [.. ManagerCommandParser.Verbs];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryListedVerbIsACommandTheParserKnows(string verb)
    {
        var command = ManagerCommandParser.Parse(verb);

        Assert.False(command is Invalid invalid && invalid.Message.StartsWith("Unknown command", StringComparison.Ordinal), $"{verb}: {command}");
        Assert.True(ManagerCommandParser.IsVerb(verb.ToUpperInvariant()));
    }

    [Fact]
    public void EveryUsageLineIsForAListedVerbAndEveryVerbHasOne()
    {
        Assert.Equal(ManagerCommandParser.Verbs.Order(), ManagerUsage.Lines.Keys.Order());
    }

    [Fact]
    public void AWordThatIsNoCommandIsNotAVerb()
    {
        Assert.False(ManagerCommandParser.IsVerb("hello"));
        Assert.IsType<Invalid>(ManagerCommandParser.Parse("hello"));
    }
}
