package org.internationale.api.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.internationale.api.control.ClientErrors;
import org.internationale.api.control.XmlCharacters;

import java.io.IOException;
import java.util.Map;

/**
 * The forms of the reader site and the workspace refuse, as the API does ({@code TextInput}), a field holding a
 * character XML cannot carry: nothing typed or pasted into a page can later break a feed or an export. The API has
 * its own check and is passed over here, so its bodies are read only once, by JAX-RS.
 */
@WebFilter(urlPatterns = "/*")
public class FormInput extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && "POST".equals(request.getMethod())) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                for (String value : field.getValue()) {
                    if (XmlCharacters.firstForbidden(value) >= 0 || XmlCharacters.firstForbidden(field.getKey()) >= 0) {
                        ClientErrors.send(response, 400, "The field " + field.getKey()
                                + " holds a control character, U+FFFE, U+FFFF or an unpaired surrogate, which cannot be stored.");
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
