using CoachBot.Coaching.Conversation;

namespace CoachBot.Coaching.Tests.Conversation;

public sealed class RepReplyTruncationTests
{
    [Fact]
    public void TextUpToTheLimitIsKeptWhole()
    {
        var text = new string('a', RepReplyStore.MaxStoredLength);

        Assert.Same(text, RepReplyStore.Truncate(text));
    }

    [Fact]
    public void LongerTextIsCutAtTheLimit()
    {
        var text = new string('a', RepReplyStore.MaxStoredLength + 10);

        Assert.Equal(RepReplyStore.MaxStoredLength, RepReplyStore.Truncate(text).Length);
    }

    [Fact]
    public void AnEmojiOnTheLimitIsNotSplitInHalf()
    {
        var text = new string('a', RepReplyStore.MaxStoredLength - 1) + "🎯 and more";

        var kept = RepReplyStore.Truncate(text);

        Assert.Equal(RepReplyStore.MaxStoredLength - 1, kept.Length);
        Assert.False(char.IsHighSurrogate(kept[^1]));
    }
}
