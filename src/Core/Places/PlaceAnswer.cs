using Timpora.Core.Conversations.Forms;
using Timpora.Core.Messaging;

namespace Timpora.Core.Places;

/// <summary>
/// A place inside the office's working area: a shared location, or a typed address naming the kecamatan and the
/// kabupaten/kota. A place outside is refused with the name of the office that serves it.
/// </summary>
public sealed class PlaceAnswer(WorkingArea area) : IAnswer<Place>
{
    private const int ShortestAddress = 10;
    private const int LongestAddress = 300;

    public bool NumbersPickButtons => false;

    public bool UsesKeyboard => true;

    public ValueTask<Question> AskAsync(Asking asking, CancellationToken ct) => ValueTask.FromResult(ShareLocation(asking));

    /// <summary>The question of every place step: the phone's share-location button under the prompt.</summary>
    public static Question ShareLocation(Asking asking)
    {
        ArgumentNullException.ThrowIfNull(asking);
        return new Question { Keyboard = new ReplyKeyboard([[new KeyButton(asking.Text("Place.ShareLocation"), KeyRequest.Location)]]) };
    }

    public ValueTask<Parsed<Place>> ReadAsync(Asking asking, Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asking);
        ArgumentNullException.ThrowIfNull(reply);
        return ValueTask.FromResult(Read(asking, reply));
    }

    private Parsed<Place> Read(Asking asking, Reply reply)
    {
        if (reply.Message.Location is { } point)
        {
            if (!point.IsValid)
            {
                return Parsed<Place>.Refuse(asking.Text("Place.Unknown"));
            }

            var verdict = area.Check(point);
            return verdict.IsInside
                ? Parsed<Place>.Accept(Place.Pin(point, verdict.Region))
                : Parsed<Place>.Refuse(Outside(asking, verdict));
        }

        if (reply.Typed is not { } typed || reply.Message.Kind != IncomingKind.Text)
        {
            return Parsed<Place>.Refuse(asking.Text("Place.Expected"));
        }

        if (typed.Length < ShortestAddress || typed.Length > LongestAddress)
        {
            return Parsed<Place>.Refuse(asking.Text("Place.AddressLength", ShortestAddress, LongestAddress));
        }

        var typedVerdict = area.Check(typed);
        return typedVerdict.Kind switch
        {
            AreaVerdictKind.Inside => Parsed<Place>.Accept(Place.Typed(typed, typedVerdict.Region)),
            AreaVerdictKind.Outside => Parsed<Place>.Refuse(Outside(asking, typedVerdict)),
            _ => Parsed<Place>.Refuse(asking.Text("Place.Unknown")),
        };
    }

    private static string Outside(Asking asking, AreaVerdict verdict) =>
        verdict.ServingOffice is { } office
            ? asking.Text("Place.Outside", Html.Escape(office))
            : asking.Text("Place.OutsideUnknownOffice");
}
