"""Operations workstream: email provider, log streams and the firewall."""
