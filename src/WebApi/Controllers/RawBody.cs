using RyzeApi.Application.Common.Exceptions;

namespace RyzeApi.WebApi.Controllers;

/// <summary>The request body as bytes: signatures are over the exact bytes, so no model binding.</summary>
internal static class RawBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw new ValidationException(["a JSON object is required"]);
        }

        return buffer.ToArray();
    }
}
