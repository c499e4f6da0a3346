namespace Timpora.Core.Conversations;

public enum Language
{
    Indonesian,
    English,
}
