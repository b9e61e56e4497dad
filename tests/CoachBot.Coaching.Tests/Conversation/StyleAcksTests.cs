using CoachBot.Coaching.Conversation;
using CoachBot.Coaching.Profiles;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class StyleAcksTests
{
    public static TheoryData<CommunicationStyle?, StyleAcks.Kind> EveryStyleAndKind()
    {
        var data = new TheoryData<CommunicationStyle?, StyleAcks.Kind>();
        foreach (var style in Enum.GetValues<CommunicationStyle>().Cast<CommunicationStyle?>().Append(null))
        {
            foreach (var kind in Enum.GetValues<StyleAcks.Kind>())
            {
                data.Add(style, kind);
            }
        }

        return data;
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [Theory]
    [MemberData(nameof(EveryStyleAndKind))]
    public void EveryStyleHasAShortAckForEveryKind(CommunicationStyle? style, StyleAcks.Kind kind)
    {
        var acks = StyleAcks.All(style, kind);

        Assert.NotEmpty(acks);
        Assert.All(acks, a => Assert.InRange(Words(a), 1, 15));
    }

    [Fact]
    public void DriverAcksAreTheShortestAndNoStyleSharesAnAckWithAnother()
    {
        var kinds = Enum.GetValues<StyleAcks.Kind>();
        var styles = Enum.GetValues<CommunicationStyle>();

        Assert.All(kinds, kind => Assert.All(styles.Where(s => s != CommunicationStyle.Driver), other =>
            Assert.True(StyleAcks.All(CommunicationStyle.Driver, kind).Max(Words) < StyleAcks.All(other, kind).Min(Words))));
        var everyAck = styles.SelectMany(s => kinds.SelectMany(k => StyleAcks.All(s, k))).ToList();
        Assert.Equal(everyAck.Count, everyAck.Distinct().Count());
    }

    [Fact]
    public void TheSameSeedGivesTheSameAck()
    {
        var first = StyleAcks.For(CommunicationStyle.Expressive, StyleAcks.Kind.Reply, 41);
        var again = StyleAcks.For(CommunicationStyle.Expressive, StyleAcks.Kind.Reply, 41);

        Assert.Equal(first, again);
        Assert.Contains(first, StyleAcks.All(CommunicationStyle.Expressive, StyleAcks.Kind.Reply));
    }
}
