using System.Security.Cryptography;
using System.Text;
using RyzeApi.Infrastructure.Security;

namespace RyzeApi.Infrastructure.UnitTests.Security;

[TestFixture]
public sealed class AesGcmTokenProtectorTests
{
    private const string Token = "cw-api-token-123";
    private const string IntegrationId = "int_abcdefghij012345";
    private readonly AesGcmTokenProtector _protector = new(TestKeys.Ring(TestKeys.Old));

    [TestCase(Token)]
    [TestCase("")]
    [TestCase("tøkén ✓ with spaces")]
    public void ProtectThenUnprotect_SameAssociatedData_RoundTrips(string plaintext)
    {
        // Arrange
        var secret = _protector.Protect(plaintext, IntegrationId);

        // Act
        var decrypted = _protector.Unprotect(secret, IntegrationId);

        // Assert
        Assert.That(decrypted, Is.EqualTo(plaintext));
    }

    [Test]
    public void Protect_Always_IsNonceCiphertextTagUnderTheCurrentKeyId()
    {
        // Arrange
        var length = Encoding.UTF8.GetByteCount(Token);

        // Act
        var secret = _protector.Protect(Token, IntegrationId);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(secret.KeyId, Is.EqualTo(EncryptionKeyRing.IdOf(TestKeys.Old)));
            Assert.That(secret.Ciphertext, Has.Length.EqualTo(12 + length + 16));
        });
    }

    [Test]
    public void Protect_SamePlaintextTwice_UsesFreshNonces()
    {
        // Arrange
        var first = _protector.Protect(Token, IntegrationId);

        // Act
        var second = _protector.Protect(Token, IntegrationId);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(second.Ciphertext, Is.Not.EqualTo(first.Ciphertext));
            Assert.That(second.Ciphertext[..12], Is.Not.EqualTo(first.Ciphertext[..12]));
        });
    }

    [Test]
    public void Protect_Always_DoesNotContainThePlaintext()
    {
        // Arrange
        var plaintext = Encoding.UTF8.GetBytes(Token);

        // Act
        var secret = _protector.Protect(Token, IntegrationId);

        // Assert
        Assert.That(secret.Ciphertext.AsSpan().IndexOf(plaintext), Is.EqualTo(-1));
    }

    [TestCase(0, TestName = "Unprotect_TamperedNonceFirstByte_Throws")]
    [TestCase(11, TestName = "Unprotect_TamperedNonceLastByte_Throws")]
    [TestCase(12, TestName = "Unprotect_TamperedCiphertextFirstByte_Throws")]
    [TestCase(-17, TestName = "Unprotect_TamperedCiphertextLastByte_Throws")]
    [TestCase(-16, TestName = "Unprotect_TamperedTagFirstByte_Throws")]
    [TestCase(-1, TestName = "Unprotect_TamperedTagLastByte_Throws")]
    public void Unprotect_TamperedByte_ThrowsCryptographicException(int index)
    {
        // Arrange
        var secret = _protector.Protect(Token, IntegrationId);
        var tampered = (byte[])secret.Ciphertext.Clone();
        tampered[index < 0 ? tampered.Length + index : index] ^= 0x01;

        // Act
        // Assert
        Assert.That(
            () => _protector.Unprotect(secret with { Ciphertext = tampered }, IntegrationId),
            Throws.InstanceOf<SecretUnreadableException>());
    }

    [Test]
    public void Unprotect_EveryByteTampered_AlwaysThrows()
    {
        // Arrange
        var secret = _protector.Protect(Token, IntegrationId);
        var accepted = new List<int>();

        // Act
        for (var i = 0; i < secret.Ciphertext.Length; i++)
        {
            var tampered = (byte[])secret.Ciphertext.Clone();
            tampered[i] ^= 0x80;
            try
            {
                _protector.Unprotect(secret with { Ciphertext = tampered }, IntegrationId);
                accepted.Add(i);
            }
            catch (SecretUnreadableException)
            {
                // Expected: authentication fails.
            }
        }

        // Assert
        Assert.That(accepted, Is.Empty);
    }

    [Test]
    public void Unprotect_OtherAssociatedData_ThrowsCryptographicException()
    {
        // Arrange
        var secret = _protector.Protect(Token, IntegrationId);

        // Act
        // Assert
        Assert.That(() => _protector.Unprotect(secret, "int_zzzzzzzzzzzzzzzz"), Throws.InstanceOf<SecretUnreadableException>());
    }

    [Test]
    public void Unprotect_TooShort_ThrowsCryptographicException()
    {
        // Arrange
        var secret = new ProtectedSecret(EncryptionKeyRing.IdOf(TestKeys.Old), new byte[27]);

        // Act
        // Assert
        Assert.That(
            () => _protector.Unprotect(secret, IntegrationId),
            Throws.InstanceOf<SecretUnreadableException>().With.Message.EqualTo("The ciphertext is too short to be AES-GCM output"));
    }
}
